package io.docmatrix.runtime.web;

import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The one place a servlet service turns exceptions into problem+json. Framework errors keep their status and get a
 * code by status; {@link ApiProblem}s carry their own code; a database outage is a 503 with {@code Retry-After}
 * because the caller can simply try again; anything unexpected is a 500 whose body names only an error id that
 * matches the log line.
 */
@RestControllerAdvice
public class ProblemResponses extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);
    static final String RETRY_AFTER_SECONDS = "5";
    static final String INVALID_CHARACTERS = "INVALID_CHARACTERS";

    /** SQLSTATE character_not_in_repertoire (a NUL in text) and untranslatable_character. */
    private static final java.util.Set<String> UNSTORABLE_TEXT = java.util.Set.of("22021", "22P05");

    static boolean isUnstorableText(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException sql && UNSTORABLE_TEXT.contains(sql.getSQLState())) {
                return true;
            }
            if (t.getCause() == t) {
                return false;
            }
        }
        return false;
    }

    @ExceptionHandler(ApiProblem.class)
    ResponseEntity<Object> apiProblem(ApiProblem problem) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(problem.status(), problem.getMessage());
        body.setProperty("code", problem.code());
        return ResponseEntity.status(problem.status()).body(body);
    }

    @ExceptionHandler({DataAccessResourceFailureException.class, TransientDataAccessException.class})
    ResponseEntity<Object> dependencyUnavailable(RuntimeException e) {
        log.warn("Request failed because the database is unavailable: {}", e.getMessage());
        ProblemDetail body = ProblemDetail.forStatusAndDetail(
                HttpStatus.SERVICE_UNAVAILABLE, "A dependency is temporarily unavailable; retry shortly.");
        body.setProperty("code", ProblemCodes.DEPENDENCY_UNAVAILABLE);
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                .body(body);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e) {
        if (isUnstorableText(e)) {
            // PostgreSQL text holds no NUL character (nor bytes invalid in UTF-8): the client sent text no column
            // can take. Every service would otherwise answer a NUL in any string field with 500 (found by the abuse
            // suite's SQL-injection payloads); this is the client's error, whatever field carried it.
            ProblemDetail body = ProblemDetail.forStatusAndDetail(
                    HttpStatus.BAD_REQUEST, "The request holds characters that cannot be stored (e.g. NUL).");
            body.setProperty("code", INVALID_CHARACTERS);
            return ResponseEntity.badRequest().body(body);
        }
        String errorId = UUID.randomUUID().toString();
        log.error("Unexpected error {}", errorId, e);
        ProblemDetail body = ProblemDetail.forStatusAndDetail(
                HttpStatus.INTERNAL_SERVER_ERROR, "An unexpected error occurred (error id " + errorId + ").");
        body.setProperty("code", ProblemCodes.INTERNAL_ERROR);
        body.setProperty("errorId", errorId);
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).body(body);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, "The request has invalid fields.");
        body.setProperty("code", "VALIDATION_FAILED");
        List<FieldProblem> fields = ex.getBindingResult().getFieldErrors().stream()
                .map(ProblemResponses::fieldProblem)
                .toList();
        body.setProperty("errors", fields);
        return handleExceptionInternal(ex, body, headers, status, request);
    }

    private static FieldProblem fieldProblem(FieldError error) {
        return new FieldProblem(
                error.getField(), error.getDefaultMessage() == null ? "invalid" : error.getDefaultMessage());
    }

    @Override
    protected ResponseEntity<Object> createResponseEntity(
            Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
        if (body instanceof ProblemDetail problem
                && (problem.getProperties() == null || !problem.getProperties().containsKey("code"))) {
            problem.setProperty("code", ProblemCodes.forStatus(statusCode));
        }
        return super.createResponseEntity(body, headers, statusCode, request);
    }

    /** One invalid request field, named as the client sent it. */
    record FieldProblem(String field, String message) {}
}
