package io.docmatrix.runtime.messaging;

/**
 * A record whose {@code ce_type} this version of the contracts does not know: a type added after the consumer was
 * built. Not retryable; it is dead-lettered (not guessed at) so it can be replayed once the consumer knows the type.
 */
public final class UnknownEventTypeException extends UndeliverableEventException {

    /** The {@code dlt_error_code} of records with an unknown {@code ce_type}. */
    public static final String ERROR_CODE = "UNKNOWN_EVENT_TYPE";

    private final String type;

    public UnknownEventTypeException(String type) {
        super(ERROR_CODE, "unknown event type '" + type + "'", null);
        this.type = type;
    }

    /** The {@code ce_type} header value nobody recognised. */
    public String type() {
        return type;
    }
}
