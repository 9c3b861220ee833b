package io.docmatrix.eval.abuse.http;

import java.time.Duration;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One answer of the gateway as a probe sees it: status, media type, body and the time it took.
 *
 * @param status HTTP status, or 0 when no answer came (connection reset, timeout)
 * @param contentType the Content-Type header, or empty
 * @param body the body as text (never null)
 * @param elapsed wall-clock time from sending to the whole body read
 */
public record Reply(int status, String contentType, String body, Duration elapsed) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public boolean isServerError() {
        return status >= 500 || status == 0;
    }

    public boolean isProblem() {
        return contentType.toLowerCase(java.util.Locale.ROOT).startsWith("application/problem+json");
    }

    /** The problem's stable {@code code}, when the body is a problem+json document carrying one. */
    public Optional<String> code() {
        if (!isProblem()) {
            return Optional.empty();
        }
        try {
            JsonNode code = JSON.readTree(body).path("code");
            return code.isString() && !code.asString().isBlank() ? Optional.of(code.asString()) : Optional.empty();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** A 4xx refusal the API contract allows: problem+json with a stable code. */
    public boolean isCleanRefusal() {
        return status >= 400 && status < 500 && code().isPresent();
    }

    public JsonNode json() {
        return JSON.readTree(body);
    }

    /** Status and code for reports, e.g. {@code 404 NOT_FOUND} or {@code 200}. */
    public String outcome() {
        return status + code().map(c -> " " + c).orElse("");
    }
}
