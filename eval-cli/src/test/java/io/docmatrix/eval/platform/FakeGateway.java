package io.docmatrix.eval.platform;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * An in-process HTTP server speaking the gateway's public API shapes, for tests of the client and the commands: a
 * document is READY at once, its chunks are fixed-size pieces of the uploaded text, a search returns the restricted
 * documents' chunks that share a word with the question (most shared first), and an answer quotes the best chunk.
 * Tests can queue raw responses (e.g. a 429) to be served before the normal handling.
 */
public final class FakeGateway implements AutoCloseable {

    public static final String PASSWORD = "secret-password";
    private static final int CHUNK = 40;

    private final HttpServer server;
    private final JsonMapper json = JsonMapper.builder().build();
    private final Map<String, String> texts = new LinkedHashMap<>();
    private final Map<String, String> bySha = new LinkedHashMap<>();
    private final Queue<int[]> queuedStatuses = new ConcurrentLinkedQueue<>();
    private final AtomicInteger tokens = new AtomicInteger();
    private final java.util.Set<String> passwords = new java.util.HashSet<>(java.util.Set.of(PASSWORD));
    private final List<String[]> exemplars = new ArrayList<>();
    public final List<String> tenantsCreated = new ArrayList<>();
    public final List<String> requests = new ArrayList<>();
    public final List<String> uploadedMetadata = new ArrayList<>();
    public volatile String validToken = "";

    public FakeGateway() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** The next request is answered with this status (and Retry-After seconds when not negative) instead. */
    public void queue(int status, int retryAfterSeconds) {
        queuedStatuses.add(new int[] {status, retryAfterSeconds});
    }

    public int tokensIssued() {
        return tokens.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private synchronized void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        String query = exchange.getRequestURI().getRawQuery();
        byte[] body = exchange.getRequestBody().readAllBytes();
        requests.add(method + " " + path);
        int[] queued = queuedStatuses.poll();
        if (queued != null) {
            if (queued[1] >= 0) {
                exchange.getResponseHeaders().add("Retry-After", String.valueOf(queued[1]));
            }
            send(exchange, queued[0], "{\"code\":\"QUEUED\"}");
            return;
        }
        if (path.equals("/api/v1/auth/token")) {
            JsonNode login = json.readTree(body);
            if (!passwords.contains(login.path("password").asString())) {
                send(exchange, 401, "{\"code\":\"INVALID_CREDENTIALS\"}");
                return;
            }
            validToken = "token-" + tokens.incrementAndGet();
            send(exchange, 200, "{\"access_token\":\"" + validToken + "\"}");
            return;
        }
        if (!("Bearer " + validToken).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            send(exchange, 401, "{\"code\":\"UNAUTHENTICATED\"}");
            return;
        }
        if (method.equals("POST") && path.equals("/api/v1/documents")) {
            upload(exchange, body);
        } else if (method.equals("GET") && path.matches("/api/v1/documents/[^/]+")) {
            String id = path.substring(path.lastIndexOf('/') + 1);
            String text = texts.get(id);
            send(
                    exchange,
                    text == null ? 404 : 200,
                    text == null
                            ? "{}"
                            : "{\"id\":\"" + id + "\",\"status\":\"READY\",\"chunkCount\":"
                                    + chunks(id).size() + "}");
        } else if (method.equals("GET") && path.matches("/api/v1/documents/[^/]+/chunks")) {
            chunkPage(exchange, path.split("/")[4], query);
        } else if (method.equals("POST") && path.equals("/api/v1/search")) {
            ObjectNode answer = json.createObjectNode();
            answer.set("results", search(json.readTree(body)));
            send(exchange, 200, json.writeValueAsString(answer));
        } else if (method.equals("POST") && path.equals("/api/v1/query")) {
            ArrayNode results = search(json.readTree(body));
            ObjectNode answer = json.createObjectNode();
            answer.put(
                    "answer",
                    results.isEmpty()
                            ? "I do not know."
                            : results.get(0).path("text").asString());
            ArrayNode citations = answer.putArray("citations");
            if (!results.isEmpty()) {
                JsonNode best = results.get(0);
                citations
                        .addObject()
                        .put("documentId", best.path("documentId").asString())
                        .put("chunkId", best.path("chunkId").asString())
                        .put("start", best.path("start").asInt())
                        .put("end", best.path("end").asInt())
                        .put("quote", best.path("text").asString());
            }
            send(exchange, 200, json.writeValueAsString(answer));
        } else if (method.equals("POST") && path.equals("/api/v1/tenants")) {
            JsonNode tenant = json.readTree(body);
            tenantsCreated.add(tenant.path("name").asString());
            passwords.add(tenant.path("adminPassword").asString());
            send(
                    exchange,
                    201,
                    "{\"id\":\"" + UUID.randomUUID() + "\",\"name\":\""
                            + tenant.path("name").asString() + "\"}");
        } else if (path.equals("/api/v1/clause-exemplars")) {
            if (method.equals("DELETE")) {
                exemplars.clear();
            } else {
                json.readTree(body)
                        .path("exemplars")
                        .forEach(e -> exemplars.add(new String[] {
                            e.path("category").asString(), e.path("text").asString()
                        }));
            }
            send(exchange, 204, "");
        } else if (method.equals("GET") && path.matches("/api/v1/documents/[^/]+/analysis")) {
            analysis(exchange, path.split("/")[4]);
        } else {
            send(exchange, 404, "{\"code\":\"NOT_FOUND\"}");
        }
    }

    private void upload(HttpExchange exchange, byte[] body) throws IOException {
        String raw = new String(body, StandardCharsets.ISO_8859_1);
        String boundary = exchange.getRequestHeaders().getFirst("Content-Type").replaceFirst(".*boundary=", "");
        String file = null;
        for (String part : raw.split("--" + java.util.regex.Pattern.quote(boundary))) {
            int headerEnd = part.indexOf("\r\n\r\n");
            if (headerEnd < 0) {
                continue;
            }
            String headers = part.substring(0, headerEnd);
            String content = new String(
                    part.substring(headerEnd + 4, part.length() - 2).getBytes(StandardCharsets.ISO_8859_1),
                    StandardCharsets.UTF_8);
            if (headers.contains("name=\"file\"")) {
                file = content;
            } else if (headers.contains("name=\"metadata\"")) {
                uploadedMetadata.add(content);
            }
        }
        if (file == null) {
            send(exchange, 400, "{\"code\":\"MISSING_FILE\"}");
            return;
        }
        String existing = bySha.get(file);
        if (existing != null) {
            send(
                    exchange,
                    200,
                    "{\"documentId\":\"" + existing + "\",\"version\":1,\"status\":\"READY\",\"duplicate\":true}");
            return;
        }
        String id = UUID.randomUUID().toString();
        texts.put(id, file);
        bySha.put(file, id);
        send(
                exchange,
                202,
                "{\"documentId\":\"" + id + "\",\"version\":1,\"status\":\"RECEIVED\",\"duplicate\":false}");
    }

    /** A clause wherever a learned exemplar's text occurs verbatim: enough to see learning reach the analysis. */
    private void analysis(HttpExchange exchange, String id) throws IOException {
        String text = texts.get(id);
        if (text == null) {
            send(exchange, 404, "{}");
            return;
        }
        ObjectNode analysis = json.createObjectNode().put("documentId", id).put("status", "COMPLETED");
        ArrayNode clauses = analysis.putArray("clauses");
        for (String[] exemplar : exemplars) {
            int at = text.indexOf(exemplar[1]);
            if (at >= 0) {
                clauses.addObject()
                        .put("category", exemplar[0].toUpperCase())
                        .put("start", at)
                        .put("end", at + exemplar[1].length())
                        .put("text", exemplar[1]);
            }
        }
        send(exchange, 200, json.writeValueAsString(analysis));
    }

    /** Pages of two chunks, so the client has to follow cursors. */
    private void chunkPage(HttpExchange exchange, String id, String query) throws IOException {
        List<ObjectNode> all = chunks(id);
        int from =
                query != null && query.contains("cursor=") ? Integer.parseInt(query.replaceFirst(".*cursor=", "")) : 0;
        ObjectNode page = json.createObjectNode();
        ArrayNode items = page.putArray("items");
        all.subList(from, Math.min(all.size(), from + 2)).forEach(items::add);
        if (from + 2 < all.size()) {
            page.put("nextCursor", String.valueOf(from + 2));
        } else {
            page.putNull("nextCursor");
        }
        send(exchange, 200, json.writeValueAsString(page));
    }

    private List<ObjectNode> chunks(String id) {
        String text = texts.get(id);
        List<ObjectNode> chunks = new ArrayList<>();
        for (int start = 0, ordinal = 0; start < text.length(); start += CHUNK, ordinal++) {
            int end = Math.min(text.length(), start + CHUNK);
            chunks.add(json.createObjectNode()
                    .put("documentId", id)
                    .put("chunkId", id + "-" + ordinal)
                    .put("ordinal", ordinal)
                    .put("text", text.substring(start, end))
                    .put("start", start)
                    .put("end", end));
        }
        return chunks;
    }

    private ArrayNode search(JsonNode request) {
        List<String> words =
                List.of(request.path("question").asString().toLowerCase().split("\\W+"));
        List<String> ids = new ArrayList<>();
        request.path("documentIds").forEach(n -> ids.add(n.asString()));
        List<ObjectNode> scored = new ArrayList<>();
        for (String id : ids.isEmpty() ? new ArrayList<>(texts.keySet()) : ids) {
            if (texts.containsKey(id)) {
                scored.addAll(chunks(id));
            }
        }
        scored.forEach(c -> c.put("score", (double) words.stream()
                .filter(w -> w.length() > 3
                        && c.path("text").asString().toLowerCase().contains(w))
                .count()));
        ArrayNode results = json.createArrayNode();
        scored.stream()
                .filter(c -> c.path("score").asDouble() > 0)
                .sorted((a, b) -> Double.compare(
                        b.path("score").asDouble(), a.path("score").asDouble()))
                .limit(request.path("topK").asInt(10))
                .forEach(results::add);
        return results;
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
