package io.docmatrix.embedding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Against a real HTTP server speaking the OpenAI embeddings protocol, scripted per test. */
class OpenAiCompatibleEmbeddingModelTest {

    /** Counts one token per word plus two special tokens; the remote client only needs it for limits. */
    private static final Tokenizer WORDS = new Tokenizer() {
        @Override
        public int countTokens(String text) {
            return 2 + (text.isBlank() ? 0 : text.strip().split("\\s+").length);
        }

        @Override
        public int maxTokens() {
            return 512;
        }
    };

    private HttpServer server;
    private final Deque<Reply> script = new ArrayDeque<>();
    private final AtomicInteger calls = new AtomicInteger();
    private final Queue<String> authorizations = new ConcurrentLinkedQueue<>();
    private final Queue<String> bodies = new ConcurrentLinkedQueue<>();
    private final CountDownLatch release = new CountDownLatch(1);

    private interface Reply {
        void answer(HttpExchange exchange, String body) throws IOException;
    }

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/v1/embeddings", exchange -> {
            calls.incrementAndGet();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            bodies.add(body);
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            authorizations.add(auth == null ? "" : auth);
            Reply reply;
            synchronized (script) {
                reply = script.size() > 1 ? script.poll() : script.peek();
            }
            reply.answer(exchange, body);
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        release.countDown();
        server.stop(0);
    }

    private OpenAiCompatibleEmbeddingModel client(Duration timeout) {
        URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        return new OpenAiCompatibleEmbeddingModel(
                RemoteEmbeddingSettings.of(base, "test-embedder", "test-key", 3)
                        .withTimeout(timeout, Duration.ofMillis(20)),
                WORDS);
    }

    private static Reply json(int status, String json) {
        return (exchange, body) -> {
            byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        };
    }

    /** Vectors for two inputs, deliberately out of index order. */
    private static final Reply TWO_VECTORS = json(
            200,
            "{\"object\":\"list\",\"model\":\"test-embedder\",\"data\":["
                    + "{\"object\":\"embedding\",\"index\":1,\"embedding\":[0,3,4]},"
                    + "{\"object\":\"embedding\",\"index\":0,\"embedding\":[1,0,0]}]}");

    @Test
    void embedsInInputOrderWithNormalizedVectorsAndSendsTheApiKey() {
        script.add(TWO_VECTORS);

        List<float[]> vectors = client(Duration.ofSeconds(5)).embed(List.of("first text", "second text"));

        assertThat(vectors.get(0)).containsExactly(1f, 0f, 0f);
        assertThat(vectors.get(1)[1]).isCloseTo(0.6f, within(1e-6f));
        assertThat(vectors.get(1)[2]).isCloseTo(0.8f, within(1e-6f));
        assertThat(authorizations).containsExactly("Bearer test-key");
        assertThat(bodies.peek()).contains("\"model\":\"test-embedder\"", "\"input\":[\"first text\",\"second text\"]");
    }

    @Test
    void retriesAServerErrorAndSucceeds() {
        script.add(json(500, "{\"error\":\"overloaded\"}"));
        script.add(TWO_VECTORS);

        List<float[]> vectors = client(Duration.ofSeconds(5)).embed(List.of("a", "b"));

        assertThat(vectors).hasSize(2);
        assertThat(calls).hasValue(2);
    }

    @Test
    void givesUpOnASlowEndpointAfterItsAttempts() {
        script.add((exchange, body) -> {
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        OpenAiCompatibleEmbeddingModel client = client(Duration.ofMillis(300));

        long started = System.nanoTime();
        assertThatThrownBy(() -> client.embed(List.of("a", "b")))
                .isInstanceOf(EmbeddingFailedException.class)
                .hasMessageContaining("3 attempts");

        assertThat(calls).hasValue(3);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void rejectsMalformedResponsesWithoutRetrying() {
        script.add(json(200, "this is not json"));
        OpenAiCompatibleEmbeddingModel client = client(Duration.ofSeconds(5));

        assertThatThrownBy(() -> client.embed(List.of("a", "b")))
                .isInstanceOf(EmbeddingFailedException.class)
                .hasMessageContaining("not JSON");
        assertThat(calls).hasValue(1);
    }

    @Test
    void rejectsVectorsOfTheWrongDimensionOrCount() {
        script.add(json(200, "{\"data\":[{\"index\":0,\"embedding\":[1,2]},{\"index\":1,\"embedding\":[1,2]}]}"));
        script.add(json(200, "{\"data\":[{\"index\":0,\"embedding\":[1,2,3]}]}"));
        OpenAiCompatibleEmbeddingModel client = client(Duration.ofSeconds(5));

        assertThatThrownBy(() -> client.embed(List.of("a", "b"))).hasMessageContaining("dimensions");
        assertThatThrownBy(() -> client.embed(List.of("a", "b"))).hasMessageContaining("expected 2 embeddings");
    }

    @Test
    void doesNotRetryAClientError() {
        script.add(json(401, "{\"error\":\"bad key\"}"));
        OpenAiCompatibleEmbeddingModel client = client(Duration.ofSeconds(5));

        assertThatThrownBy(() -> client.embed(List.of("a"))).hasMessageContaining("401");
        assertThat(calls).hasValue(1);
    }

    @Test
    void opensTheCircuitAfterRepeatedFailuresAndFailsFast() {
        script.add(json(503, "{}"));
        OpenAiCompatibleEmbeddingModel client = client(Duration.ofSeconds(5));
        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> client.embed(List.of("a"))).isInstanceOf(EmbeddingFailedException.class);
        }
        int callsWhenOpen = calls.get();

        assertThatThrownBy(() -> client.embed(List.of("a"))).hasMessageContaining("circuit is open");

        assertThat(client.circuitState()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(calls).hasValue(callsWhenOpen);
    }

    @Test
    void refusesTextsLongerThanTheRemoteLimit() {
        script.add(TWO_VECTORS);
        String tooLong = "word ".repeat(600);

        assertThatThrownBy(() -> client(Duration.ofSeconds(5)).embed(List.of(tooLong)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(calls).hasValue(0);
    }
}
