package io.docmatrix.auth.config;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Renders {@link AuthProblem}s as problem+json. Ordered first because the runtime's catch-all advice would otherwise
 * claim them as unexpected errors.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class AuthProblemResponses {

    @ExceptionHandler(AuthProblem.class)
    ResponseEntity<ProblemDetail> authProblem(AuthProblem problem) {
        HttpStatus status = status(problem.kind());
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, problem.getMessage());
        body.setProperty("code", problem.code());
        ResponseEntity.BodyBuilder response = ResponseEntity.status(status);
        if (problem.retryAfter() != null) {
            // Whole seconds, rounded up, so a client that waits exactly this long is let through.
            long seconds = Math.max(1, (problem.retryAfter().toMillis() + 999) / 1000);
            response.header(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        }
        return response.body(body);
    }

    private static HttpStatus status(AuthProblem.Kind kind) {
        return switch (kind) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case UNAUTHENTICATED -> HttpStatus.UNAUTHORIZED;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case THROTTLED -> HttpStatus.TOO_MANY_REQUESTS;
        };
    }
}
