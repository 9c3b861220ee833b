package io.docmatrix.query.answer;

/**
 * A language model call that produced no usable reply.
 *
 * @see Fallback#reason()
 */
public class AnswerModelException extends RuntimeException {

    private final String reason;
    private final boolean retryable;

    public AnswerModelException(String reason, boolean retryable, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
        this.retryable = retryable;
    }

    /** The fallback reason, e.g. {@code LLM_TIMEOUT}. */
    public String reason() {
        return reason;
    }

    /** Whether another attempt might succeed (timeouts, 5xx, 429, I/O), as opposed to a refused request. */
    public boolean retryable() {
        return retryable;
    }
}
