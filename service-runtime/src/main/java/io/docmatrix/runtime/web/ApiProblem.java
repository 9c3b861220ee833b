package io.docmatrix.runtime.web;

import org.springframework.http.HttpStatus;

/**
 * An error a service reports on purpose: the HTTP status, a stable machine-readable {@code code} (upper snake case,
 * never renamed once published) and a human-readable detail that is safe to show to the caller.
 */
public class ApiProblem extends RuntimeException {

    private final HttpStatus status;
    private final String code;

    public ApiProblem(HttpStatus status, String code, String detail) {
        super(detail);
        this.status = status;
        this.code = code;
    }

    public static ApiProblem notFound(String what) {
        return new ApiProblem(HttpStatus.NOT_FOUND, "NOT_FOUND", what + " not found");
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }
}
