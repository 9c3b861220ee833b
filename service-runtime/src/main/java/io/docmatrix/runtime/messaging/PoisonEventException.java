package io.docmatrix.runtime.messaging;

import org.jspecify.annotations.Nullable;

/**
 * A record that cannot be decoded: missing CloudEvents headers, a value that is not valid JSON for the record class
 * its {@code ce_type} names, or an event of the wrong stream. Not retryable: it goes straight to the dead-letter topic.
 */
public final class PoisonEventException extends UndeliverableEventException {

    /** The {@code dlt_error_code} of undecodable records. */
    public static final String ERROR_CODE = "DESERIALIZATION_FAILED";

    public PoisonEventException(String message, @Nullable Throwable cause) {
        super(ERROR_CODE, message, cause);
    }
}
