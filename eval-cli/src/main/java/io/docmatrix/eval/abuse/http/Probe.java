package io.docmatrix.eval.abuse.http;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A raw HTTP client for the gateway that reports every answer as it came, whatever the status: the suites judge
 * statuses themselves. The one exception is 429: a rate-limited probe tested nothing, so it waits the
 * {@code Retry-After} and repeats (a bounded number of times).
 */
public final class Probe {

    private static final Logger log = LoggerFactory.getLogger(Probe.class);
    private static final int RATE_LIMIT_RETRIES = 6;

    private final URI gateway;
    private final Duration timeout;
    private final HttpClient http;

    public Probe(URI gateway, Duration timeout) {
        this.gateway = gateway;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    public URI gateway() {
        return gateway;
    }

    public Reply get(String path, @Nullable String bearer) {
        return send("GET", path, bearer, null, null, Map.of());
    }

    public Reply delete(String path, @Nullable String bearer) {
        return send("DELETE", path, bearer, null, null, Map.of());
    }

    public Reply postJson(String path, @Nullable String bearer, String json) {
        return send("POST", path, bearer, "application/json", json.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    /**
     * Sends one request. {@code authorization} is the whole header value when it contains a space (e.g. {@code ApiKey
     * ...}), otherwise a bearer token.
     */
    public Reply send(
            String method,
            String path,
            @Nullable String authorization,
            @Nullable String contentType,
            byte @Nullable [] body,
            Map<String, String> headers) {
        URI uri = gateway.resolve(path);
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Accept", "application/json, application/problem+json, */*")
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(body));
        if (authorization != null) {
            builder.header("Authorization", authorization.contains(" ") ? authorization : "Bearer " + authorization);
        }
        if (contentType != null) {
            builder.header("Content-Type", contentType);
        }
        headers.forEach(builder::header);
        HttpRequest request = builder.build();
        for (int attempt = 1; ; attempt++) {
            Attempt answer = once(request);
            if (answer.reply().status() != 429 || attempt > RATE_LIMIT_RETRIES) {
                return answer.reply();
            }
            pause(request, attempt, answer.retryAfterSeconds());
        }
    }

    private Attempt once(HttpRequest request) {
        long started = System.nanoTime();
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
            long retryAfter = response.headers()
                    .firstValue("Retry-After")
                    .map(Probe::seconds)
                    .orElse(1L);
            return new Attempt(
                    new Reply(
                            response.statusCode(),
                            response.headers().firstValue("Content-Type").orElse(""),
                            new String(response.body(), StandardCharsets.UTF_8),
                            elapsed),
                    retryAfter);
        } catch (IOException e) {
            // No answer is what a client of a crashed or hung service sees; the suites count it like a 5xx.
            Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
            return new Attempt(new Reply(0, "", e.getClass().getSimpleName() + ": " + e.getMessage(), elapsed), 0);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private void pause(HttpRequest request, int attempt, long retryAfter) {
        long seconds = Math.max(1, Math.min(30, retryAfter));
        log.info(
                "{} {} rate limited (attempt {}); waiting {} s",
                request.method(),
                request.uri().getPath(),
                attempt,
                seconds);
        try {
            Thread.sleep(seconds * 1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private record Attempt(Reply reply, long retryAfterSeconds) {}

    private static long seconds(String value) {
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
