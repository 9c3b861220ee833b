package io.docmatrix.gateway.upload;

/**
 * An upload refused before anything was stored, with the HTTP status and the stable code the client receives.
 */
public final class UploadRejected extends RuntimeException {

    private final int status;
    private final String code;

    public UploadRejected(int status, String code, String detail) {
        super(detail);
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }
}
