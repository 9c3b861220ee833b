package io.docmatrix.bench.platform;

import io.docmatrix.bench.Loopback;
import io.docmatrix.bench.corpus.CorpusDocument;
import io.docmatrix.runtime.identity.AuthKind;
import io.docmatrix.runtime.identity.CallerIdentity;
import io.docmatrix.runtime.identity.IdentityHeaders;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The platform's HTTP API as the bench uses it: through the gateway with the bench tenant's bearer token, or straight
 * to query-service with identity headers the bench signs itself with the internal secret (only possible where that
 * secret is at hand, i.e. on the local platform), which is how the gateway's own overhead is isolated.
 */
public final class PlatformClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http;
    private final URI gateway;
    private final Duration timeout;
    private volatile @Nullable AccessToken token;

    public PlatformClient(String gatewayUrl, Duration timeout) {
        this.gateway = Loopback.requireHttp(gatewayUrl);
        this.timeout = timeout;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    /** One HTTP exchange: status, body, and how long it took from send to the last byte. */
    public record Answer(int status, String body, long nanos) {
        public boolean ok() {
            return status >= 200 && status < 300;
        }

        public JsonNode json() {
            return JSON.readTree(body);
        }
    }

    public AccessToken login(String tenant, String username, String password) throws IOException, InterruptedException {
        ObjectNode body = JSON.createObjectNode()
                .put("tenant", tenant)
                .put("username", username)
                .put("password", password);
        Answer answer = send(HttpRequest.newBuilder(gateway.resolve("/api/v1/auth/token"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
        if (!answer.ok()) {
            throw new IOException("login as " + username + "@" + tenant + " failed: HTTP " + answer.status());
        }
        AccessToken parsed =
                AccessToken.parse(answer.json().path("access_token").asString());
        this.token = parsed;
        return parsed;
    }

    public AccessToken token() {
        AccessToken current = token;
        if (current == null) {
            throw new IllegalStateException("log in first");
        }
        return current;
    }

    /** Uploads one document; the answer's time is the upload latency the bench reports. */
    public Answer upload(CorpusDocument document) throws IOException, InterruptedException {
        String boundary = "bench-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream(document.bytes().length + 512);
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + document.name().replace("\"", "") + "\"\r\nContent-Type: " + document.contentType() + "\r\n\r\n";
        body.write(head.getBytes(StandardCharsets.UTF_8));
        body.write(document.bytes());
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(authorized("/api/v1/documents")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    public Answer document(UUID id) throws IOException, InterruptedException {
        return send(authorized("/api/v1/documents/" + id).GET());
    }

    /** Chunk texts of a READY document, at most {@code limit}. */
    public List<String> chunkTexts(UUID id, int limit) throws IOException, InterruptedException {
        List<String> texts = new ArrayList<>();
        String cursor = null;
        for (int page = 0; page < 100 && texts.size() < limit; page++) {
            Answer answer = send(authorized("/api/v1/documents/" + id + "/chunks?limit=200"
                            + (cursor == null
                                    ? ""
                                    : "&cursor=" + java.net.URLEncoder.encode(cursor, StandardCharsets.UTF_8)))
                    .GET());
            if (!answer.ok()) {
                break;
            }
            JsonNode json = answer.json();
            json.path("items").forEach(item -> texts.add(item.path("text").asString()));
            JsonNode next = json.path("nextCursor");
            if (next.isMissingNode() || next.isNull()) {
                break;
            }
            cursor = next.asString();
        }
        return texts.size() > limit ? texts.subList(0, limit) : texts;
    }

    /** A GET through the gateway. */
    public Answer getThroughGateway(String path) throws IOException, InterruptedException {
        return send(authorized(path).GET());
    }

    /** A JSON PUT through the gateway, e.g. {@code /api/v1/analysis-settings}. */
    public Answer putThroughGateway(String path, String json) throws IOException, InterruptedException {
        return send(authorized(path)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** A JSON POST through the gateway, e.g. {@code /api/v1/search}. */
    public Answer postThroughGateway(String path, String json) throws IOException, InterruptedException {
        return send(authorized(path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /**
     * A JSON POST straight to a service, signed as the bench's caller exactly like the gateway signs it (method and
     * path are part of the signature, and it is valid for a minute, so each request is signed anew).
     */
    public Answer postDirect(URI service, IdentityHeaders signer, String path, String json)
            throws IOException, InterruptedException {
        AccessToken t = token();
        CallerIdentity caller = new CallerIdentity(
                t.tenantId(), t.tenantSlug(), t.subject(), t.name(), new HashSet<>(t.roles()), AuthKind.USER);
        HttpRequest.Builder request = HttpRequest.newBuilder(service.resolve(path))
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        for (Map.Entry<String, String> header :
                signer.sign(caller, "POST", path, Instant.now()).entrySet()) {
            request.header(header.getKey(), header.getValue());
        }
        return send(request);
    }

    private HttpRequest.Builder authorized(String path) {
        return HttpRequest.newBuilder(gateway.resolve(path))
                .timeout(timeout)
                .header("Authorization", "Bearer " + token().bearer());
    }

    private Answer send(HttpRequest.Builder request) throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        HttpResponse<String> response =
                http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Answer(response.statusCode(), response.body(), System.nanoTime() - t0);
    }
}
