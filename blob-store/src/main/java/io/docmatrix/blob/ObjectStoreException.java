package io.docmatrix.blob;

import java.io.IOException;

/**
 * An object store call that did not succeed. An I/O exception, so writers that already handle failed writes (the
 * gateway's intake answers 503) handle these too; readers tell the two kinds apart.
 */
public abstract sealed class ObjectStoreException extends IOException {

    ObjectStoreException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The key names no object (never written, or deleted). Retrying will not help. */
    public static final class NotFound extends ObjectStoreException {
        NotFound(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * The store did not answer usefully: down, too slow, throttling, refusing our credentials, or its circuit breaker
     * is open after repeated failures. Retrying later may help.
     */
    public static final class Unavailable extends ObjectStoreException {
        Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
