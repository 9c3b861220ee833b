package io.docmatrix.query.answer;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A real HTTP server speaking the OpenAI chat-completions protocol (JSON, and server-sent chunks for {@code stream:
 * true}), with scripted behaviour per request: a reply, a delay, or an error status.
 */
final class OpenAiProtocolServer implements AutoCloseable {

    /** What the server does with the n-th request (from 1). */
    interface Script {
        Reply reply(int request);
    }

    record Reply(int status, String content, long delayMillis) {
        static Reply ok(String content) {
            return new Reply(200, content, 0);
        }

        static Reply slow(String content, long delayMillis) {
            return new Reply(200, content, delayMillis);
        }

        static Reply error(int status) {
            return new Reply(status, "", 0);
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;
    private final List<JsonNode> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger count = new AtomicInteger();
    private volatile Script script = n -> Reply.ok("");

    OpenAiProtocolServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/chat/completions", this::handle);
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    void script(Script next) {
        this.script = next;
    }

    void reset() {
        requests.clear();
        count.set(0);
    }

    int requestCount() {
        return count.get();
    }

    List<JsonNode> requests() {
        return requests;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            JsonNode request = JSON.readTree(exchange.getRequestBody().readAllBytes());
            requests.add(request);
            Reply reply = script.reply(count.incrementAndGet());
            if (reply.delayMillis() > 0) {
                try {
                    Thread.sleep(reply.delayMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            if (reply.status() != 200) {
                byte[] body = ("{\"error\":{\"message\":\"scripted failure\",\"type\":\"server_error\",\"code\":null}}")
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(reply.status(), body.length);
                exchange.getResponseBody().write(body);
                return;
            }
            if (request.path("stream").asBoolean(false)) {
                stream(
                        exchange,
                        reply.content(),
                        request.path("stream_options").path("include_usage").asBoolean(false));
            } else {
                byte[] body = JSON.writeValueAsBytes(completion(reply.content()));
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
        } catch (IOException e) {
            // the client gave up (a timeout under test): nothing to answer
        }
    }

    private static ObjectNode completion(String content) {
        ObjectNode root = JSON.createObjectNode();
        root.put("id", "chatcmpl-test");
        root.put("object", "chat.completion");
        root.put("created", 1_700_000_000L);
        root.put("model", "test-model");
        ObjectNode choice = root.putArray("choices").addObject();
        choice.put("index", 0);
        choice.putObject("message").put("role", "assistant").put("content", content);
        choice.put("finish_reason", "stop");
        usage(root);
        return root;
    }

    /** Every reply reports 10 prompt and 5 completion tokens. */
    private static void usage(ObjectNode root) {
        ObjectNode usage = root.putObject("usage");
        usage.put("prompt_tokens", 10);
        usage.put("completion_tokens", 5);
        usage.put("total_tokens", 15);
    }

    /** As the protocol does: with {@code stream_options.include_usage}, a last chunk without choices carries the usage. */
    private static void stream(HttpExchange exchange, String content, boolean includeUsage) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        // pieces of about a word, as models send them
        String[] pieces = content.split("(?<= )");
        for (String piece : pieces) {
            out.write(
                    ("data: " + JSON.writeValueAsString(chunk(piece, null)) + "\n\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
        }
        out.write(("data: " + JSON.writeValueAsString(chunk("", "stop")) + "\n\n").getBytes(StandardCharsets.UTF_8));
        if (includeUsage) {
            ObjectNode last = chunk("", null);
            last.putArray("choices");
            usage(last);
            out.write(("data: " + JSON.writeValueAsString(last) + "\n\n").getBytes(StandardCharsets.UTF_8));
        }
        out.write("data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static ObjectNode chunk(String piece, String finishReason) {
        ObjectNode root = JSON.createObjectNode();
        root.put("id", "chatcmpl-test");
        root.put("object", "chat.completion.chunk");
        root.put("created", 1_700_000_000L);
        root.put("model", "test-model");
        ObjectNode choice = root.putArray("choices").addObject();
        choice.put("index", 0);
        ObjectNode delta = choice.putObject("delta");
        delta.put("role", "assistant");
        if (!piece.isEmpty()) {
            delta.put("content", piece);
        }
        choice.put("finish_reason", finishReason);
        return root;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
