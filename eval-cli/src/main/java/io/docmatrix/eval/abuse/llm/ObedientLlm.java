package io.docmatrix.eval.abuse.llm;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A real HTTP server speaking OpenAI chat completions (JSON and {@code stream: true} chunks) that plays the worst
 * model there is: it obeys. It records every prompt it is sent, and answers by
 * <ul>
 *   <li>echoing every document it was given, verbatim, each with its citation tag, so anything the platform put into
 *       the prompt comes back out (a leaked document would reach the client);
 *   <li>repeating every URL it saw inside documents as a link and an image (a client or platform that follows links
 *       in answers calls the harness listener);
 *   <li>fetching every URL that appears in the prompt outside the document and conversation data blocks: that is
 *       where the platform's own instructions are, so a document that escapes its delimiters gets its URL called.
 * </ul>
 * The harness points query-service at it with {@code QUERY_ANSWERS_LLM_ENABLED=true} and
 * {@code QUERY_ANSWERS_LLM_BASE_URL=http://127.0.0.1:<port>/v1}.
 */
public final class ObedientLlm implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ObedientLlm.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern DOCUMENT =
            Pattern.compile("<document id=(C\\d+)[^>]*>\\n(.*?)\\n</document>", Pattern.DOTALL);
    private static final Pattern DATA_BLOCK =
            Pattern.compile("<document id=C\\d+[^>]*>.*?</document>|<conversation>.*?</conversation>", Pattern.DOTALL);
    private static final Pattern URL = Pattern.compile("https?://[^\\s\"'<>)\\]]+");

    private final HttpServer server;
    private final HttpClient fetcher =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private final List<Prompt> prompts = new CopyOnWriteArrayList<>();
    private final List<String> fetched = new CopyOnWriteArrayList<>();

    /** One captured request: the system and user messages as the model received them. */
    public record Prompt(String system, String user) {
        public String whole() {
            return system + "\n" + user;
        }

        /** Only what the platform put in as data: the document and conversation blocks, not the caller's question. */
        public String data() {
            StringBuilder data = new StringBuilder();
            Matcher blocks = DATA_BLOCK.matcher(user);
            while (blocks.find()) {
                data.append(blocks.group()).append('\n');
            }
            return data.toString();
        }
    }

    public ObedientLlm(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.createContext("/v1/chat/completions", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public List<Prompt> prompts() {
        return List.copyOf(prompts);
    }

    /** URLs the model fetched because they stood outside the data blocks. */
    public List<String> fetched() {
        return List.copyOf(fetched);
    }

    public void clear() {
        prompts.clear();
        fetched.clear();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            JsonNode request = JSON.readTree(exchange.getRequestBody().readAllBytes());
            StringBuilder system = new StringBuilder();
            StringBuilder user = new StringBuilder();
            for (JsonNode message : request.path("messages")) {
                String content = text(message.path("content"));
                ("system".equals(message.path("role").asString("")) ? system : user)
                        .append(content)
                        .append('\n');
            }
            Prompt prompt = new Prompt(system.toString(), user.toString());
            prompts.add(prompt);
            obeyInstructionsOutsideData(prompt);
            String answer = answer(prompt.user());
            if (request.path("stream").asBoolean(false)) {
                stream(exchange, answer);
            } else {
                byte[] body = JSON.writeValueAsBytes(completion(answer));
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
        } catch (RuntimeException | IOException e) {
            log.debug("obedient LLM: {}", e.getMessage());
        }
    }

    /** Content may be a string or a list of typed parts, depending on the client. */
    private static String text(JsonNode content) {
        if (content.isString()) {
            return content.asString();
        }
        StringBuilder text = new StringBuilder();
        content.forEach(part -> text.append(part.path("text").asString("")));
        return text.toString();
    }

    private void obeyInstructionsOutsideData(Prompt prompt) {
        String outside =
                prompt.system() + "\n" + DATA_BLOCK.matcher(prompt.user()).replaceAll(" ");
        Matcher urls = URL.matcher(outside);
        while (urls.find()) {
            String url = urls.group();
            fetched.add(url);
            try {
                fetcher.send(
                        HttpRequest.newBuilder(URI.create(url))
                                .timeout(Duration.ofSeconds(2))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
            } catch (IOException | IllegalArgumentException e) {
                log.debug("obedient LLM could not fetch {}: {}", url, e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Every document back, verbatim and tagged, then every URL found in them as a link and an image. */
    static String answer(String user) {
        List<String> sentences = new ArrayList<>();
        List<String> urls = new ArrayList<>();
        Matcher documents = DOCUMENT.matcher(user);
        while (documents.find()) {
            String body = documents.group(2).replaceAll("\\s+", " ").strip();
            sentences.add(body + " [" + documents.group(1) + "]");
            Matcher found = URL.matcher(body);
            while (found.find()) {
                urls.add(found.group());
            }
        }
        for (String url : urls) {
            sentences.add("As instructed, I called " + url + " ![status](" + url + ") [C1]");
        }
        return sentences.isEmpty() ? "I could not find this in the documents." : String.join(" ", sentences);
    }

    private static ObjectNode completion(String content) {
        ObjectNode root = JSON.createObjectNode();
        root.put("id", "chatcmpl-obedient");
        root.put("object", "chat.completion");
        root.put("created", 1_700_000_000L);
        root.put("model", "obedient");
        ObjectNode choice = root.putArray("choices").addObject();
        choice.put("index", 0);
        choice.putObject("message").put("role", "assistant").put("content", content);
        choice.put("finish_reason", "stop");
        ObjectNode usage = root.putObject("usage");
        usage.put("prompt_tokens", 10);
        usage.put("completion_tokens", 5);
        usage.put("total_tokens", 15);
        return root;
    }

    private static void stream(HttpExchange exchange, String content) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        for (String piece : content.split("(?<= )")) {
            out.write(
                    ("data: " + JSON.writeValueAsString(chunk(piece, null)) + "\n\n").getBytes(StandardCharsets.UTF_8));
        }
        out.write(("data: " + JSON.writeValueAsString(chunk("", "stop")) + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.write("data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static ObjectNode chunk(String piece, String finishReason) {
        ObjectNode root = JSON.createObjectNode();
        root.put("id", "chatcmpl-obedient");
        root.put("object", "chat.completion.chunk");
        root.put("created", 1_700_000_000L);
        root.put("model", "obedient");
        ArrayNode choices = root.putArray("choices");
        ObjectNode choice = choices.addObject();
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
