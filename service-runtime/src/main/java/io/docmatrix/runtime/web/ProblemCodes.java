package io.docmatrix.runtime.web;

import org.springframework.http.HttpStatusCode;

/**
 * The stable codes for errors the framework raises before a controller runs, keyed by HTTP status; one table for
 * every service, servlet or reactive (the gateway's error handler uses it too).
 */
public final class ProblemCodes {

    public static final String INTERNAL_ERROR = "INTERNAL_ERROR";
    public static final String DEPENDENCY_UNAVAILABLE = "DEPENDENCY_UNAVAILABLE";

    private ProblemCodes() {}

    public static String forStatus(HttpStatusCode status) {
        return switch (status.value()) {
            case 400 -> "BAD_REQUEST";
            case 401 -> "UNAUTHENTICATED";
            case 403 -> "FORBIDDEN";
            case 404 -> "NOT_FOUND";
            case 405 -> "METHOD_NOT_ALLOWED";
            case 406 -> "NOT_ACCEPTABLE";
            case 409 -> "CONFLICT";
            case 413 -> "PAYLOAD_TOO_LARGE";
            case 415 -> "UNSUPPORTED_MEDIA_TYPE";
            case 422 -> "UNPROCESSABLE";
            case 429 -> "RATE_LIMITED";
            case 503 -> DEPENDENCY_UNAVAILABLE;
            case 504 -> "UPSTREAM_TIMEOUT";
            default -> status.is5xxServerError() ? INTERNAL_ERROR : "REQUEST_REJECTED";
        };
    }
}
