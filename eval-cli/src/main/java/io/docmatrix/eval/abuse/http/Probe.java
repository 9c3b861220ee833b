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

    /**
     * Sends one request over a raw socket, writing the body on another thread while the answer is read. A server may
     * refuse a large body (413) before it read it and close the connection; an HTTP client still writing would only
     * see a reset, while a browser or curl shows the refusal. This is how the suites see that refusal.
     */
    public Reply sendRaw(
            String method,
            String path,
            String authorization,
            String contentType,
            byte[] body,
            Map<String, String> headers) {
        long started = System.nanoTime();
        String host = gateway.getHost();
        int port = gateway.getPort() < 0 ? 80 : gateway.getPort();
        try (java.net.Socket socket = new java.net.Socket(host, port)) {
            socket.setSoTimeout((int) timeout.toMillis());
            StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: " + host + ":" + port
                    + "\r\nAuthorization: " + (authorization.contains(" ") ? authorization : "Bearer " + authorization)
                    + "\r\nContent-Type: " + contentType + "\r\nContent-Length: " + body.length
                    + "\r\nAccept: application/json\r\nConnection: close\r\n");
            headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
            head.append("\r\n");
            java.io.OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            Thread writer = new Thread(
                    () -> {
                        try {
                            for (int at = 0; at < body.length; at += 64 * 1024) {
                                out.write(body, at, Math.min(64 * 1024, body.length - at));
                            }
                            out.flush();
                        } catch (IOException e) {
                            // the server stopped reading: its answer (if any) is read below
                        }
                    },
                    "raw-upload-writer");
            writer.setDaemon(true);
            writer.start();
            byte[] answer = socket.getInputStream().readAllBytes();
            writer.join(timeout.toMillis());
            return parse(answer, Duration.ofNanos(System.nanoTime() - started));
        } catch (IOException e) {
            Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
            return new Reply(0, "", e.getClass().getSimpleName() + ": " + e.getMessage(), elapsed);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static Reply parse(byte[] raw, Duration elapsed) {
        String text = new String(raw, StandardCharsets.UTF_8);
        int split = text.indexOf("\r\n\r\n");
        if (!text.startsWith("HTTP/1.1 ") || split < 0) {
            return new Reply(0, "", "no HTTP answer: " + text.substring(0, Math.min(200, text.length())), elapsed);
        }
        String[] lines = text.substring(0, split).split("\r\n");
        int status = Integer.parseInt(lines[0].substring(9, 12));
        String type = "";
        boolean chunked = false;
        for (String line : lines) {
            String lower = line.toLowerCase(java.util.Locale.ROOT);
            if (lower.startsWith("content-type:")) {
                type = line.substring(13).strip();
            }
            if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            }
        }
        String body = text.substring(split + 4);
        return new Reply(status, type, chunked ? dechunk(body) : body, elapsed);
    }

    private static String dechunk(String body) {
        StringBuilder out = new StringBuilder();
        int at = 0;
        while (at < body.length()) {
            int end = body.indexOf("\r\n", at);
            if (end < 0) {
                break;
            }
            int size = Integer.parseInt(body.substring(at, end).split(";")[0].strip(), 16);
            if (size == 0) {
                break;
            }
            out.append(body, end + 2, Math.min(body.length(), end + 2 + size));
            at = end + 2 + size + 2;
        }
        return out.toString();
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
