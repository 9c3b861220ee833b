package io.docmatrix.eval.platform;

import io.github.resilience4j.retry.Retry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The gateway's public API for one tenant user. Logs in lazily and again when the short-lived access token expired
 * (a 401 mid-run), so an evaluation may run longer than one token lives.
 */
public final class PlatformClient {

    private final URI gateway;
    private final HttpClient http;
    private final JsonMapper json;
    private final Duration timeout;
    private final Credentials credentials;
    private final Retry safe;
    private final Retry refusedOnly;
    private volatile @Nullable String bearer;

    public PlatformClient(GatewaySettings settings, Credentials credentials) {
        this.gateway = settings.url();
        this.timeout = settings.requestTimeout();
        this.credentials = credentials;
        this.json = JsonMapper.builder().build();
        this.http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        this.safe = Retries.safe(settings.maxAttempts());
        this.refusedOnly = Retries.refusedOnly(settings.maxAttempts());
    }

    public JsonMapper json() {
        return json;
    }

    public Credentials credentials() {
        return credentials;
    }

    /** Logs in (or fails with the gateway's problem); later calls reuse the token until it expires. */
    public void login() {
        ObjectNode body = json.createObjectNode()
                .put("tenant", credentials.tenant())
                .put("username", credentials.username())
                .put("password", credentials.password());
        HttpResponse<String> response = send(post("/api/v1/auth/token", body).build(), safe, false);
        if (response.statusCode() != 200) {
            throw failure("log in as " + credentials, response);
        }
        bearer = json.readTree(response.body()).path("access_token").asString();
    }

    /** Creates a tenant (PLATFORM_ADMIN only); false when it exists already (409). */
    public boolean createTenant(String name, String adminUsername, String adminPassword) {
        ObjectNode body = json.createObjectNode()
                .put("name", name)
                .put("adminUsername", adminUsername)
                .put("adminPassword", adminPassword);
        HttpResponse<String> response = send(post("/api/v1/tenants", body).build(), refusedOnly, true);
        if (response.statusCode() == 409) {
            return false;
        }
        if (response.statusCode() != 201) {
            throw failure("create tenant " + name, response);
        }
        return true;
    }

    /**
     * Uploads a file with metadata. The Idempotency-Key is derived from the content and the external id, so a retry after
     * a lost answer gets the first answer instead of a second version.
     */
    public Upload upload(String filename, byte[] content, String contentType, ObjectNode metadata) {
        String boundary = "docmatrix-eval-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream(content.length + 1024);
        writePart(body, boundary, "metadata", null, "application/json", json.writeValueAsBytes(metadata));
        writePart(body, boundary, "file", filename, contentType, content);
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        String key = "eval-"
                + io.docmatrix.eval.scoring.StableHash.sha256Hex(content).substring(0, 32) + "-"
                + Math.abs(metadata.path("externalId").asString("").hashCode());
        HttpRequest request = request("/api/v1/documents")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build();
        HttpResponse<String> response = send(request, safe, true);
        if (response.statusCode() != 200 && response.statusCode() != 202) {
            throw failure("upload " + filename, response);
        }
        JsonNode answer = json.readTree(response.body());
        return new Upload(
                answer.path("documentId").asString(),
                answer.path("version").asInt(),
                answer.path("status").asString(""),
                answer.path("duplicate").asBoolean(false));
    }

    public JsonNode document(String documentId) {
        return getJson("/api/v1/documents/" + documentId, "read document " + documentId);
    }

    /**
     * The document, or empty while ingestion does not know it yet: an upload the gateway accepted (202) is 404 until
     * ingestion has consumed its upload event.
     */
    public Optional<JsonNode> documentIfKnown(String documentId) {
        try {
            return Optional.of(document(documentId));
        } catch (PlatformException e) {
            if (e.status() != 404) {
                throw e;
            }
            return Optional.empty();
        }
    }

    /** Every chunk of the document's latest version, following the page cursors. */
    public List<JsonNode> chunks(String documentId) {
        List<JsonNode> items = new ArrayList<>();
        String cursor = null;
        do {
            String path = "/api/v1/documents/" + documentId + "/chunks?limit=200"
                    + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
            JsonNode page = getJson(path, "read chunks of " + documentId);
            page.path("items").forEach(items::add);
            JsonNode next = page.path("nextCursor");
            cursor = next.isString() && !next.asString().isEmpty() ? next.asString() : null;
        } while (cursor != null);
        return items;
    }

    /** {@code POST /api/v1/search}: read-only, so retried on gateway and connection errors too. */
    public Timed search(ObjectNode body) {
        return timedPost("/api/v1/search", body, "search");
    }

    /** {@code POST /api/v1/query}: an answer changes nothing the evaluation reads, so it is safe to repeat as well. */
    public Timed query(ObjectNode body) {
        return timedPost("/api/v1/query", body, "query");
    }

    /** The analysis of a document, or empty while the analysis service does not know it yet (404). */
    public Optional<JsonNode> analysis(String documentId) {
        HttpResponse<String> response = send(
                request("/api/v1/documents/" + documentId + "/analysis").GET().build(), safe, true);
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        if (response.statusCode() != 200) {
            throw failure("read the analysis of " + documentId, response);
        }
        return Optional.of(json.readTree(response.body()));
    }

    /** Adds learned clause exemplars (ADMIN). Not repeated after an unclear failure: that could learn them twice. */
    public void addExemplars(List<Exemplar> exemplars) {
        ObjectNode body = json.createObjectNode();
        var array = body.putArray("exemplars");
        exemplars.forEach(e -> array.addObject().put("category", e.category()).put("text", e.text()));
        HttpResponse<String> response =
                send(post("/api/v1/clause-exemplars", body).build(), refusedOnly, true);
        if (response.statusCode() / 100 != 2) {
            throw failure("learn " + exemplars.size() + " clause exemplars", response);
        }
    }

    /** Forgets every learned exemplar of the tenant (idempotent). */
    public void clearExemplars() {
        HttpResponse<String> response =
                send(request("/api/v1/clause-exemplars").DELETE().build(), safe, true);
        if (response.statusCode() / 100 != 2 && response.statusCode() != 404) {
            throw failure("clear the learned clause exemplars", response);
        }
    }

    /** Opens the document's server-sent progress stream; the caller reads lines until it ends. */
    public HttpResponse<java.util.stream.Stream<String>> progressEvents(String documentId) {
        ensureLoggedIn();
        HttpRequest request = HttpRequest.newBuilder(gateway.resolve("/api/v1/documents/" + documentId + "/events"))
                .timeout(Duration.ofMinutes(11))
                .header("Accept", "text/event-stream")
                .header("Authorization", "Bearer " + bearer)
                .GET()
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofLines());
        } catch (IOException e) {
            throw new PlatformException("progress stream of " + documentId + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PlatformException("interrupted", e);
        }
    }

    private Timed timedPost(String path, ObjectNode body, String what) {
        long started = System.nanoTime();
        HttpResponse<String> response = send(post(path, body).build(), safe, true);
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
        if (response.statusCode() != 200) {
            throw failure(what, response);
        }
        return new Timed(json.readTree(response.body()), elapsed);
    }

    private JsonNode getJson(String path, String what) {
        HttpResponse<String> response = send(request(path).GET().build(), safe, true);
        if (response.statusCode() != 200) {
            throw failure(what, response);
        }
        return json.readTree(response.body());
    }

    private HttpRequest.Builder post(String path, ObjectNode body) {
        return request(path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(gateway.resolve(path)).timeout(timeout).header("Accept", "application/json");
    }

    private HttpResponse<String> send(HttpRequest unsigned, Retry retry, boolean authenticated) {
        if (authenticated) {
            ensureLoggedIn();
        }
        HttpResponse<String> response = sendOnce(unsigned, retry, authenticated);
        if (authenticated && response.statusCode() == 401) {
            // The access token expired during a long run: log in again once and repeat.
            login();
            response = sendOnce(unsigned, retry, true);
        }
        return response;
    }

    private HttpResponse<String> sendOnce(HttpRequest unsigned, Retry retry, boolean authenticated) {
        HttpRequest request = authenticated
                ? HttpRequest.newBuilder(unsigned, (name, value) -> true)
                        .setHeader("Authorization", "Bearer " + bearer)
                        .build()
                : unsigned;
        try {
            return retry.executeCheckedSupplier(() -> http.send(request, HttpResponse.BodyHandlers.ofString()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PlatformException("interrupted", e);
        } catch (RuntimeException e) {
            throw e;
        } catch (Throwable e) {
            // A refused connection has no message; name the cause and the likely remedy instead of "null".
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            String hint = e instanceof java.net.ConnectException
                    ? " (is the platform running at " + gateway + "? deploy/local/up starts it)"
                    : "";
            throw new PlatformException(
                    request.method() + " " + request.uri().getPath() + " failed: " + reason + hint, e);
        }
    }

    private void ensureLoggedIn() {
        if (bearer == null) {
            login();
        }
    }

    private static PlatformException failure(String what, HttpResponse<String> response) {
        String body = response.body() == null ? "" : response.body();
        return new PlatformException(
                "could not " + what + ": HTTP " + response.statusCode() + " "
                        + body.substring(0, Math.min(400, body.length())),
                response.statusCode());
    }

    private static void writePart(
            ByteArrayOutputStream out,
            String boundary,
            String name,
            @Nullable String filename,
            String contentType,
            byte[] content) {
        StringBuilder head = new StringBuilder()
                .append("--")
                .append(boundary)
                .append("\r\n")
                .append("Content-Disposition: form-data; name=\"")
                .append(name)
                .append('"');
        if (filename != null) {
            head.append("; filename=\"")
                    .append(filename.replace("\"", "_").replace("\r", "").replace("\n", ""))
                    .append('"');
        }
        head.append("\r\nContent-Type: ").append(contentType).append("\r\n\r\n");
        out.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
        out.writeBytes(content);
        out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
    }

    /** The gateway's answer to an upload. */
    public record Upload(String documentId, int version, String status, boolean duplicate) {}

    /** A JSON answer and the wall-clock time the call took, retries included (what a client waits). */
    public record Timed(JsonNode body, Duration elapsed) {}

    /** A clause text to learn as an example of its category. */
    public record Exemplar(String category, String text) {}
}
