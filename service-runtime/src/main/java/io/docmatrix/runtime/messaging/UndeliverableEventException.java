package io.docmatrix.runtime.messaging;

/**
 * A record no retry can ever process, because of what it is rather than of the consumer's state. The error handler
 * sends it straight to the consumer's dead-letter topic, with {@link #errorCode()} as {@code dlt_error_code}.
 */
public abstract sealed class UndeliverableEventException extends RuntimeException
        permits PoisonEventException, UnknownEventTypeException {

    private final String errorCode;

    UndeliverableEventException(String errorCode, String message, Throwable cause) {
        super(message, cause);
        this.errorCode = errorCode;
    }

    /** A stable upper-case code for the failure, sent as the {@code dlt_error_code} header. */
    public String errorCode() {
        return errorCode;
    }
}
