package io.docmatrix.gateway;

import com.nimbusds.jose.jwk.JWKSet;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stands in for every service behind the gateway in integration tests: auth's JWKS and API key check, and an echo of
 * everything else (method, raw path, headers, body size) so tests can see exactly what the gateway forwarded.
 */
final class FakeBackend {

    static final String KEY_DOWN_PREFIX = "dmx_down_";
    static final Map<String, Boolean> FLAGS = Map.of("demo.features.answers", true, "demo.features.ocr", false);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;
    private final AtomicReference<JWKSet> jwks = new AtomicReference<>(new JWKSet());
    private final AtomicInteger jwksFetches = new AtomicInteger();
    private final Map<String, Map<String, Object>> apiKeys = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> verifyCalls = new ConcurrentHashMap<>();

    FakeBackend() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    void publish(JWKSet keys) {
        jwks.set(keys);
    }

    int jwksFetches() {
        return jwksFetches.get();
    }

    void acceptApiKey(String key, Map<String, Object> owner) {
        apiKeys.put(key, owner);
    }

    int verifyCalls(String key) {
        return verifyCalls.getOrDefault(key, new AtomicInteger()).get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = readAll(exchange.getRequestBody());
            String path = exchange.getRequestURI().getRawPath();
            if (path.equals("/.well-known/jwks.json")) {
                jwksFetches.incrementAndGet();
                respond(exchange, 200, jwks.get().toString(true).getBytes(StandardCharsets.UTF_8));
            } else if (path.equals("/internal/v1/api-keys/verify")) {
                verify(exchange, body);
            } else if (path.equals("/actuator/flags")) {
                // what service-runtime's features endpoint answers in every service
                respond(exchange, 200, JSON.writeValueAsBytes(Map.of("service", "backend", "flags", FLAGS)));
            } else {
                respond(exchange, 200, JSON.writeValueAsBytes(echo(exchange, path, body.length)));
            }
        }
    }

    private void verify(HttpExchange exchange, byte[] body) throws IOException {
        String key = (String) JSON.readValue(body, Map.class).get("key");
        verifyCalls.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
        if (key.startsWith(KEY_DOWN_PREFIX)) {
            respond(exchange, 500, "{}".getBytes(StandardCharsets.UTF_8));
            return;
        }
        Map<String, Object> owner = apiKeys.get(key);
        if (owner == null) {
            respond(exchange, 401, "{\"code\":\"UNAUTHENTICATED\"}".getBytes(StandardCharsets.UTF_8));
        } else {
            respond(exchange, 200, JSON.writeValueAsBytes(owner));
        }
    }

    private static Map<String, Object> echo(HttpExchange exchange, String path, int bodyBytes) {
        // Lower-case names, so tests look headers up the way HTTP compares them.
        Map<String, String> headers = new TreeMap<>();
        exchange.getRequestHeaders()
                .forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), String.join(",", values)));
        return Map.of(
                "method", exchange.getRequestMethod(),
                "path", path,
                "bodyBytes", bodyBytes,
                "headers", headers);
    }

    private static void respond(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().put("Content-Type", List.of("application/json"));
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
    }

    private static byte[] readAll(InputStream in) throws IOException {
        return in.readAllBytes();
    }
}
