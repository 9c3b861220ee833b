package io.docmatrix.eval.reliability.ledger;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One upload request: its key, what the client first learned, and (for an indeterminate one) what repeating it under
 * the same key revealed after convergence.
 *
 * @param phase the fault phase during which it was sent, for the report
 * @param resolution null unless the first outcome was indeterminate and the resolution ran
 */
public record LedgerEntry(
        String tenant,
        String idempotencyKey,
        String externalId,
        String phase,
        Instant sentAt,
        Outcome outcome,
        @Nullable Outcome resolution) {

    LedgerEntry resolvedAs(Outcome resolved) {
        return new LedgerEntry(tenant, idempotencyKey, externalId, phase, sentAt, outcome, resolved);
    }

    /** The outcome that counts: the resolution when there is one. */
    public Outcome finalOutcome() {
        return resolution != null ? resolution : outcome;
    }
}
