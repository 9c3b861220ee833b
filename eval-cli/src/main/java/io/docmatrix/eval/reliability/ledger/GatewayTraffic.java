package io.docmatrix.eval.reliability.ledger;

import io.docmatrix.eval.platform.Credentials;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The harness's own client of the gateway for one tenant user. Unlike the evaluation's client it never retries an
 * upload by itself: the first answer is what the ledger records, so that indeterminate requests stay visible and are
 * resolved deliberately, by repeating them under the same Idempotency-Key once the platform converged.
 */
public final class GatewayTraffic {

    private final URI gateway;
    private final Credentials credentials;
    private final Duration timeout;
    private final StatusLog statuses;
    private final HttpClient http;
    private final JsonMapper json = JsonMapper.builder().build();
    private final Clock clock = Clock.systemUTC();
    private volatile @Nullable String bearer;

    public GatewayTraffic(URI gateway, Credentials credentials, Duration timeout, StatusLog statuses) {
        this.gateway = gateway;
        this.credentials = credentials;
        this.timeout = timeout;
        this.statuses = statuses;
        this.http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(3))
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    public String tenant() {
        return credentials.tenant();
    }

    /** Logs in until it succeeds or {@code patience} passed; a fault may have the gateway or auth down. */
    public void login(Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            Optional<String> token = tryLogin();
            if (token.isPresent()) {
                bearer = token.get();
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("could not log in as " + credentials + " within " + patience);
            }
            sleep(Duration.ofSeconds(1));
        }
    }

    private Optional<String> tryLogin() {
        String body = json.createObjectNode()
                .put("tenant", credentials.tenant())
                .put("username", credentials.username())
                .put("password", credentials.password())
                .toString();
        HttpRequest request = HttpRequest.newBuilder(gateway.resolve("/api/v1/auth/token"))
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        Answer answer = exchange("login", request);
        if (answer.status() == 200) {
            return Optional.of(json.readTree(answer.body()).path("access_token").asString());
        }
        return Optional.empty();
    }

    /**
     * Sends one upload and classifies the first answer. The content is a small text document, unique per request so
     * that the gateway's duplicate detection never merges two requests.
     */
    public Outcome upload(String idempotencyKey, String externalId, byte[] content) {
        Answer answer = sendUpload(idempotencyKey, externalId, content);
        if (answer.status() == 401) {
            login(Duration.ofSeconds(60));
            answer = sendUpload(idempotencyKey, externalId, content);
        }
        return classify(answer);
    }

    private Answer sendUpload(String idempotencyKey, String externalId, byte[] content) {
        String boundary = "faults-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream(content.length + 1024);
        String metadata = json.createObjectNode()
                .put("externalId", externalId)
                .put("title", "fault suite " + externalId)
                .toString();
        part(body, boundary, "metadata", null, "application/json", metadata.getBytes(StandardCharsets.UTF_8));
        part(body, boundary, "file", externalId + ".txt", "text/plain", content);
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = authorized("/api/v1/documents")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Idempotency-Key", idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build();
        return exchange("upload", request);
    }

    private Outcome classify(Answer answer) {
        if (answer.status() < 0) {
            return new Outcome.Indeterminate(answer.body());
        }
        String code = "";
        UUID documentId = new UUID(0, 0);
        int version = 0;
        try {
            JsonNode node = json.readTree(answer.body());
            code = node.path("code").asString("");
            if (node.hasNonNull("documentId")) {
                documentId = UUID.fromString(node.path("documentId").asString());
                version = node.path("version").asInt();
            }
        } catch (RuntimeException e) {
            // Not JSON (a proxy's HTML error page): the status alone classifies it.
        }
        return Outcome.ofResponse(answer.status(), code, documentId, version, answer.replayed());
    }

    /** A read during a fault: its status is what matters (recorded in the status log), not its body. */
    public int probe(String kind, String path) {
        return exchange(kind, authorized(path).GET().build()).status();
    }

    /** A read whose JSON body the harness needs; empty when it did not answer 200. */
    public Optional<JsonNode> getJson(String kind, String path) {
        Answer answer = exchange(kind, authorized(path).GET().build());
        return answer.status() == 200 ? Optional.of(json.readTree(answer.body())) : Optional.empty();
    }

    /** {@code POST /api/v1/query}; the answer's body and how long it took, or empty when it did not answer 200. */
    public Optional<Timed> ask(String question) {
        String body = json.createObjectNode().put("question", question).toString();
        long started = System.nanoTime();
        Answer answer = exchange(
                "query",
                authorized("/api/v1/query")
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build());
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
        return answer.status() == 200
                ? Optional.of(new Timed(json.readTree(answer.body()), elapsed))
                : Optional.empty();
    }

    private HttpRequest.Builder authorized(String path) {
        HttpRequest.Builder builder =
                HttpRequest.newBuilder(gateway.resolve(path)).timeout(timeout).header("Accept", "application/json");
        String token = bearer;
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    private Answer exchange(String kind, HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            boolean retryAfter = response.headers().firstValue("Retry-After").isPresent();
            String body = response.body() == null ? "" : response.body();
            statuses.record(
                    kind,
                    Integer.toString(response.statusCode()),
                    retryAfter,
                    clock.instant() + " " + request.uri().getPath() + " "
                            + body.substring(0, Math.min(160, body.length())));
            boolean replayed = response.headers()
                    .firstValue("Idempotent-Replayed")
                    .map("true"::equalsIgnoreCase)
                    .orElse(false);
            return new Answer(response.statusCode(), body, replayed);
        } catch (HttpTimeoutException e) {
            statuses.record(kind, "timeout", false, request.uri().getPath());
            return new Answer(-1, "timeout", false);
        } catch (IOException e) {
            statuses.record(kind, "connection-error", false, request.uri().getPath());
            return new Answer(-1, "connection error: " + e.getClass().getSimpleName(), false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(-1, "interrupted", false);
        }
    }

    private static void part(
            ByteArrayOutputStream out,
            String boundary,
            String name,
            @Nullable String filename,
            String contentType,
            byte[] content) {
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + '"'
                + (filename == null ? "" : "; filename=\"" + filename + '"')
                + "\r\nContent-Type: " + contentType + "\r\n\r\n";
        out.writeBytes(head.getBytes(StandardCharsets.UTF_8));
        out.writeBytes(content);
        out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private record Answer(int status, String body, boolean replayed) {}

    /** A JSON answer and how long the client waited for it. */
    public record Timed(JsonNode body, Duration elapsed) {}
}
