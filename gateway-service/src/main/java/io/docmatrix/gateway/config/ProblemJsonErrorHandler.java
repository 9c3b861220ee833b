package io.docmatrix.gateway.config;

import io.docmatrix.runtime.web.ProblemCodes;
import java.io.IOException;
import java.net.ConnectException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.util.InvalidMimeTypeException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every error the gateway itself raises (no route, a service that is down, a rejected request) leaves as
 * {@code application/problem+json} with a stable {@code code}. Runs before Boot's default handler, which would answer
 * with its own JSON shape and could echo exception messages.
 */
@Component
@Order(-2)
public class ProblemJsonErrorHandler implements ErrorWebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemJsonErrorHandler.class);

    private final JsonMapper json;

    ProblemJsonErrorHandler(JsonMapper json) {
        this.json = json;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.error(error);
        }
        Problem problem = problemFor(error);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", HttpStatus.valueOf(problem.status().value()).getReasonPhrase());
        body.put("status", problem.status().value());
        body.put("detail", problem.detail());
        body.put("instance", exchange.getRequest().getPath().value());
        body.put("code", problem.code());
        response.setStatusCode(problem.status());
        if (mayCarryABody(exchange)) {
            // The request body was not read (too large, or refused before it mattered); a keep-alive connection with
            // unread input stalls the client's next request on it, so this response ends the connection.
            response.getHeaders().set(HttpHeaders.CONNECTION, "close");
        }
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        // A rejection may have set its own Retry-After (rate limits); an outage gets a short default.
        if (problem.status().value() == 503 && !response.getHeaders().containsHeader(HttpHeaders.RETRY_AFTER)) {
            response.getHeaders().set(HttpHeaders.RETRY_AFTER, "5");
        }
        DataBuffer buffer = response.bufferFactory().wrap(json.writeValueAsBytes(body));
        return response.writeWith(Mono.just(buffer));
    }

    private static boolean mayCarryABody(ServerWebExchange exchange) {
        HttpHeaders headers = exchange.getRequest().getHeaders();
        return headers.getContentLength() >= 0 || headers.containsHeader(HttpHeaders.TRANSFER_ENCODING);
    }

    private static Problem problemFor(Throwable error) {
        if (error instanceof ResponseStatusException rse) {
            HttpStatusCode status = rse.getStatusCode();
            // 502/504 come from a proxied service that broke off or stalled: to the client that is the same outage.
            if (status.value() == 502 || status.value() == 503 || status.value() == 504) {
                return unavailable();
            }
            return new Problem(status, ProblemCodes.forStatus(status), safeDetail(status));
        }
        if (lostConnection(error)) {
            return unavailable();
        }
        if (causedBy(error, InvalidMediaTypeException.class) || causedBy(error, InvalidMimeTypeException.class)) {
            // A malformed Content-Type, e.g. of a multipart part ("x/y; charset=" + NUL + CRLF): the multipart reader
            // throws while parsing the client's body, which the uploads suite saw answered 500.
            return new Problem(
                    HttpStatus.BAD_REQUEST,
                    "INVALID_CONTENT_TYPE",
                    "A Content-Type in the request (of the request or of a multipart part) is not a valid media type.");
        }
        String errorId = UUID.randomUUID().toString();
        log.error("Unexpected gateway error {}", errorId, error);
        return new Problem(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "INTERNAL_ERROR",
                "An unexpected error occurred (error id " + errorId + ").");
    }

    /**
     * A refused connection, and also one the service reset or closed mid-answer (it was killed or restarted while
     * the call was in flight: Netty's {@code NativeIoException}, Reactor Netty's {@code PrematureCloseException}, both
     * {@link IOException}s). The fault suite saw the latter answered 500 (docs/reliability.md).
     */
    private static boolean lostConnection(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof ConnectException || cause instanceof IOException) {
                return true;
            }
        }
        return false;
    }

    private static boolean causedBy(Throwable error, Class<? extends Throwable> type) {
        for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

    private static Problem unavailable() {
        return new Problem(
                HttpStatus.SERVICE_UNAVAILABLE,
                "SERVICE_UNAVAILABLE",
                "The service behind this route is temporarily unavailable; retry shortly.");
    }

    // Framework messages can name internal classes or hosts, so clients get a fixed sentence per status instead.
    private static String safeDetail(HttpStatusCode status) {
        return switch (status.value()) {
            case 401 -> "This request needs a valid access token or API key.";
            case 403 -> "Your role does not allow this operation.";
            case 404 -> "No resource at this path.";
            case 405 -> "This method is not allowed on this path.";
            case 413 -> "The request body is too large.";
            case 415 -> "This content type is not supported here.";
            case 429 -> "Too many requests; retry after the time in Retry-After.";
            default -> "The request could not be processed.";
        };
    }

    private record Problem(HttpStatusCode status, String code, String detail) {}
}
