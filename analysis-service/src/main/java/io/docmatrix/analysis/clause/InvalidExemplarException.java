package io.docmatrix.analysis.clause;

/** A request to learn exemplars that cannot be honoured; {@code code} is the stable problem code for the caller. */
public final class InvalidExemplarException extends RuntimeException {

    private final String code;

    InvalidExemplarException(String code, String detail) {
        super(detail);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
