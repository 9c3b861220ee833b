package io.docmatrix.gateway.access;

/** Auth could not answer in time; the caller gets 503 and retries, never a verdict on its credentials. */
public final class AuthUnavailableException extends RuntimeException {

    public AuthUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
