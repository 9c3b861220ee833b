package io.docmatrix.bench.platform;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.docmatrix.runtime.identity.IdentityHeaders;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for the gateway and query-service speaking the few endpoints the bench calls, so the harness's HTTP side
 * is tested without the platform: a document turns READY on its second poll, and search answers only requests whose
 * identity headers verify with the shared secret (service-runtime's own verification).
 */
public final class FakePlatform implements AutoCloseable {

    public static final UUID TENANT = UUID.fromString("0a1b2c3d-0000-4000-8000-000000000001");
    public static final String SECRET = "0123456789abcdef0123456789abcdef0123456789abcdef";

    private final HttpServer server;
    private final Map<String, AtomicInteger> polls = new ConcurrentHashMap<>();
    public final List<String> uploadedBodies = new CopyOnWriteArrayList<>();
    public final AtomicInteger verifiedSearches = new AtomicInteger();

    public FakePlatform() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/v1/auth/token", e -> answer(e, 200, "{\"access_token\":\"" + jwt() + "\"}"));
        server.createContext("/api/v1/documents", this::documents);
        server.createContext("/api/v1/search", this::search);
        server.createContext("/api/v1/query", this::search);
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(8));
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void documents(HttpExchange e) throws IOException {
        if (!("Bearer " + jwt()).equals(e.getRequestHeaders().getFirst("Authorization"))) {
            answer(e, 401, "{}");
            return;
        }
        if (e.getRequestMethod().equals("POST")) {
            uploadedBodies.add(new String(e.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            answer(e, 202, "{\"documentId\":\"" + UUID.randomUUID() + "\",\"version\":2,\"duplicate\":false}");
            return;
        }
        String id = e.getRequestURI().getPath().substring("/api/v1/documents/".length());
        int poll = polls.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
        if (poll == 1) {
            // Uploads answer version 2 (a file name the tenant already had); until ingestion takes the upload in, the
            // document still shows version 1, READY with other chunks.
            answer(
                    e,
                    200,
                    "{\"id\":\"" + id + "\",\"version\":1,\"status\":\"READY\",\"chunkCount\":99,\"timestamps\":"
                            + "{\"receivedAt\":\"2025-01-01T00:00:00Z\",\"parsingStartedAt\":\"2025-01-01T00:00:01Z\","
                            + "\"embeddingStartedAt\":\"2025-01-01T00:00:02Z\",\"readyAt\":\"2025-01-01T00:09:00Z\","
                            + "\"failedAt\":null}}");
            return;
        }
        String status = poll >= 3 ? "READY" : "EMBEDDING";
        answer(
                e,
                200,
                "{\"id\":\"" + id + "\",\"version\":2,\"status\":\"" + status + "\",\"chunkCount\":"
                        + (poll >= 3 ? 5 : "null")
                        + ",\"timestamps\":{\"receivedAt\":\"2026-01-01T00:00:00Z\",\"parsingStartedAt\":\"2026-01-01T00:00:01Z\","
                        + "\"embeddingStartedAt\":\"2026-01-01T00:00:02Z\",\"readyAt\":"
                        + (poll >= 3 ? "\"2026-01-01T00:00:04Z\"" : "null")
                        + ",\"failedAt\":null}}");
    }

    private void search(HttpExchange e) throws IOException {
        e.getRequestBody().readAllBytes();
        IdentityHeaders verifier = new IdentityHeaders(SECRET.getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(60));
        boolean signed = verifier.verify(
                        name -> e.getRequestHeaders().getFirst(name),
                        "POST",
                        e.getRequestURI().getPath(),
                        Instant.now())
                .filter(caller -> caller.tenantId().equals(TENANT))
                .isPresent();
        if (signed) {
            verifiedSearches.incrementAndGet();
        }
        answer(e, signed ? 200 : 401, "{\"results\":[]}");
    }

    static String jwt() {
        String claims = "{\"sub\":\"user-1\",\"tenant\":\"" + TENANT
                + "\",\"tenant_slug\":\"bench\",\"name\":\"admin\"," + "\"roles\":[\"ADMIN\"]}";
        return "e30." + Base64.getUrlEncoder().withoutPadding().encodeToString(claims.getBytes(StandardCharsets.UTF_8))
                + ".c2ln";
    }

    private static void answer(HttpExchange e, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        e.getResponseHeaders().add("Content-Type", "application/json");
        e.sendResponseHeaders(status, bytes.length);
        e.getResponseBody().write(bytes);
        e.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
