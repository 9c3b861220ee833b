package io.docmatrix.eval.reliability.faults;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A real OpenAI-compatible chat-completions server that misbehaves: half of the calls fail, cycling through a hang
 * (longer than any client timeout), a dropped connection without an answer, and a 500; the other half answer
 * properly. It is the stand-in the project guide allows for an external service: a real server speaking the protocol.
 */
public final class FlakyLlmServer implements AutoCloseable {

    /** What one call got. */
    enum Behaviour {
        ANSWER,
        HANG,
        ANSWER_AGAIN,
        RESET,
        ANSWER_THIRD,
        ERROR
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "flaky-llm");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicLong calls = new AtomicLong();
    private final Map<Behaviour, AtomicLong> counts = new java.util.EnumMap<>(Behaviour.class);
    private final Duration hang;

    public FlakyLlmServer(Duration hang) throws IOException {
        this.hang = hang;
        for (Behaviour b : Behaviour.values()) {
            counts.put(b, new AtomicLong());
        }
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    /** The base URL to configure as the endpoint ({@code .../v1}). */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    /** Calls per behaviour so far. */
    public Map<String, Long> counts() {
        Map<String, Long> result = new TreeMap<>();
        counts.forEach((b, n) -> result.put(b.name().toLowerCase(java.util.Locale.ROOT), n.get()));
        result.put("total", calls.get());
        return result;
    }

    static Behaviour behaviourOf(long call) {
        return Behaviour.values()[(int) (call % Behaviour.values().length)];
    }

    private void handle(HttpExchange exchange) throws IOException {
        exchange.getRequestBody().readAllBytes();
        if (!exchange.getRequestURI().getPath().endsWith("/chat/completions")) {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
            return;
        }
        Behaviour behaviour = behaviourOf(calls.getAndIncrement());
        counts.get(behaviour).incrementAndGet();
        switch (behaviour) {
            case HANG -> {
                try {
                    Thread.sleep(hang.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                exchange.close();
            }
            // Closing without any answer: the client sees the connection end mid-exchange.
            case RESET -> exchange.close();
            case ERROR ->
                respond(exchange, 500, "{\"error\":{\"message\":\"flaky upstream\",\"type\":\"server_error\"}}");
            default -> respond(exchange, 200, completion());
        }
    }

    private static String completion() {
        return """
                {"id":"chatcmpl-faults","object":"chat.completion","created":%d,"model":"faults-llm",
                 "choices":[{"index":0,"message":{"role":"assistant","content":"The documents do not say. [1]"},
                 "finish_reason":"stop"}],
                 "usage":{"prompt_tokens":10,"completion_tokens":8,"total_tokens":18}}
                """
                .formatted(System.currentTimeMillis() / 1000);
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
