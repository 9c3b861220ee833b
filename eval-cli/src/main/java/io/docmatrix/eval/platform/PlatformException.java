package io.docmatrix.eval.platform;

/** A call the platform refused or could not answer, with the HTTP status (0 when no answer came) and the body. */
public final class PlatformException extends RuntimeException {

    private final int status;

    public PlatformException(String message, int status) {
        super(message);
        this.status = status;
    }

    public PlatformException(String message, Throwable cause) {
        super(message, cause);
        this.status = 0;
    }

    public int status() {
        return status;
    }
}
