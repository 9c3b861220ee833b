package io.docmatrix.analysis.facts;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** kinds: PARTY, AGREEMENT_DATE, EFFECTIVE_DATE, EXPIRATION_DATE, RENEWAL_TERM, NOTICE_PERIOD, GOVERNING_LAW, MONETARY_AMOUNT */
public record KeyFact(
        String kind,
        String value,
        @Nullable String normalized,
        UUID chunkId,
        int page,
        int start,
        int end,
        String quote) {}
