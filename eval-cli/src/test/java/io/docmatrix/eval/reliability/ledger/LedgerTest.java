package io.docmatrix.eval.reliability.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class LedgerTest {

    private static final UUID DOCUMENT = UUID.fromString("00000000-0000-0000-0000-000000000001");

    @Test
    void classifiesTwoHundredsAsAcceptedFourHundredsAsRejectedAndFiveHundredsAsIndeterminate() {
        assertThat(Outcome.ofResponse(202, "", DOCUMENT, 1, false)).isEqualTo(new Outcome.Accepted(DOCUMENT, 1, false));
        assertThat(Outcome.ofResponse(200, "", DOCUMENT, 1, true)).isEqualTo(new Outcome.Accepted(DOCUMENT, 1, true));
        assertThat(Outcome.ofResponse(415, "UNSUPPORTED_MEDIA_TYPE", DOCUMENT, 0, false))
                .isEqualTo(new Outcome.Rejected(415, "UNSUPPORTED_MEDIA_TYPE"));
        assertThat(Outcome.ofResponse(503, "STORAGE_UNAVAILABLE", DOCUMENT, 0, false))
                .isInstanceOf(Outcome.Indeterminate.class);
    }

    @Test
    void countsHowIndeterminateRequestsResolved() {
        Ledger ledger = new Ledger();
        ledger.record(entry("k1", new Outcome.Accepted(DOCUMENT, 1, false)));
        ledger.record(entry("k2", new Outcome.Indeterminate("timeout")));
        ledger.record(entry("k3", new Outcome.Indeterminate("connection error")));
        ledger.record(entry("k4", new Outcome.Indeterminate("HTTP 503")));
        UUID second = UUID.randomUUID();
        UUID third = UUID.randomUUID();

        ledger.resolve("k2", new Outcome.Accepted(second, 1, true));
        ledger.resolve("k3", new Outcome.Accepted(third, 1, false));

        assertThat(ledger.counts())
                .containsEntry("requests", 4L)
                .containsEntry("accepted", 1L)
                .containsEntry("indeterminate", 3L)
                .containsEntry("indeterminateCommitted", 1L)
                .containsEntry("indeterminateNotCommitted", 1L)
                .containsEntry("indeterminateUnresolved", 1L);
        assertThat(ledger.explainedDocuments()).containsExactly(DOCUMENT, second, third);
    }

    @Test
    void refusesTheSameKeyAsTwoNewRequests() {
        Ledger ledger = new Ledger();
        ledger.record(entry("k1", new Outcome.Indeterminate("timeout")));

        assertThatThrownBy(() -> ledger.record(entry("k1", new Outcome.Indeterminate("timeout"))))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void flagsEveryFiveHundredExceptAServiceUnavailableWithRetryAfter() {
        StatusLog log = new StatusLog();

        log.record("upload", "202", false, "");
        log.record("upload", "503", true, "");
        log.record("upload", "connection-error", false, "");
        log.record("read", "503", false, "no retry-after");
        log.record("read", "502", true, "bad gateway");

        assertThat(log.violationCount()).isEqualTo(2);
        assertThat(log.counts().get("upload")).containsEntry("503", 1L).containsEntry("connection-error", 1L);
    }

    private static LedgerEntry entry(String key, Outcome outcome) {
        return new LedgerEntry("t", key, key, "phase", Instant.EPOCH, outcome, null);
    }
}
