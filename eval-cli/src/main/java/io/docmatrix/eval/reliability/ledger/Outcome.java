package io.docmatrix.eval.reliability.ledger;

import java.util.UUID;

/** What the client learned from one upload request. */
public sealed interface Outcome {

    /** 200/202 with a document id: the gateway committed the upload (or answered it from the idempotency record). */
    record Accepted(UUID documentId, int version, boolean replayed) implements Outcome {}

    /** A 4xx with a problem code: the request was refused and nothing was stored. */
    record Rejected(int status, String code) implements Outcome {}

    /**
     * No answer the client can trust: a timeout, a reset or refused connection, or a 5xx (the write may or may not
     * have committed). Resolved after convergence by repeating the request under the same Idempotency-Key.
     */
    record Indeterminate(String reason) implements Outcome {}

    /**
     * Classifies an HTTP answer. 5xx is indeterminate even when it is a clean 503: the client cannot tell whether the
     * gateway's transaction committed before the answer was lost or refused.
     */
    static Outcome ofResponse(int status, String code, UUID documentId, int version, boolean replayed) {
        if (status == 200 || status == 202) {
            return new Accepted(documentId, version, replayed);
        }
        if (status >= 500) {
            return new Indeterminate("HTTP " + status + (code.isEmpty() ? "" : " " + code));
        }
        return new Rejected(status, code);
    }
}
