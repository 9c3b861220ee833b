package io.docmatrix.embedding;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A client of an OpenAI-compatible embeddings endpoint. Resilience, outermost first: retry with exponential backoff
 * (transient failures only), a circuit breaker (stop hammering an endpoint that is down; callers fail fast and the
 * document is retried later), a bulkhead (bounded concurrent calls, so a slow endpoint cannot absorb every thread) and
 * a timeout per HTTP call.
 */
public final class OpenAiCompatibleEmbeddingModel implements EmbeddingModel {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final RemoteEmbeddingSettings settings;
    private final Tokenizer tokenizer;
    private final HttpClient http;
    private final URI endpoint;
    private final Retry retry;
    private final CircuitBreaker circuitBreaker;
    private final Bulkhead bulkhead;

    /**
     * @param tokenizer counts tokens for the chunker; the remote model's own tokenizer is unknown here, so pass the
     *     closest local one and keep {@code settings.maxTokens()} conservative
     */
    public OpenAiCompatibleEmbeddingModel(RemoteEmbeddingSettings settings, Tokenizer tokenizer) {
        this.settings = settings;
        this.tokenizer = tokenizer;
        this.http = HttpClient.newBuilder()
                .connectTimeout(settings.timeout())
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        String base = settings.baseUrl().toString().replaceAll("/+$", "");
        this.endpoint = URI.create(base + "/v1/embeddings");
        String name = "embedding-" + settings.model();
        this.retry = Retry.of(
                name,
                RetryConfig.custom()
                        .maxAttempts(settings.maxAttempts())
                        .intervalFunction(IntervalFunction.ofExponentialBackoff(settings.initialBackoff(), 2.0))
                        .retryOnException(e -> e instanceof TransientFailure)
                        .build());
        this.circuitBreaker = CircuitBreaker.of(
                name,
                CircuitBreakerConfig.custom()
                        .slidingWindowSize(20)
                        .minimumNumberOfCalls(10)
                        .failureRateThreshold(settings.failureRateThreshold())
                        .waitDurationInOpenState(settings.openStateWait())
                        .build());
        this.bulkhead = Bulkhead.of(
                name,
                BulkheadConfig.custom()
                        .maxConcurrentCalls(settings.maxConcurrentCalls())
                        .maxWaitDuration(settings.timeout())
                        .build());
    }

    @Override
    public String modelId() {
        return settings.model();
    }

    @Override
    public int dimension() {
        return settings.dimension();
    }

    @Override
    public int maxTokens() {
        return settings.maxTokens();
    }

    @Override
    public int countTokens(String text) {
        return tokenizer.countTokens(text);
    }

    public CircuitBreaker.State circuitState() {
        return circuitBreaker.getState();
    }

    @Override
    public List<float[]> embed(List<String> texts) {
        for (String text : texts) {
            int tokens = countTokens(text);
            if (tokens > maxTokens()) {
                throw new IllegalArgumentException(
                        "text has " + tokens + " tokens; " + modelId() + " accepts " + maxTokens());
            }
        }
        List<float[]> vectors = new ArrayList<>(texts.size());
        for (int from = 0; from < texts.size(); from += settings.batchSize()) {
            List<String> batch = texts.subList(from, Math.min(texts.size(), from + settings.batchSize()));
            vectors.addAll(resilient(() -> call(batch)));
        }
        return vectors;
    }

    private List<float[]> resilient(Supplier<List<float[]>> call) {
        Supplier<List<float[]>> decorated = Bulkhead.decorateSupplier(bulkhead, call);
        decorated = CircuitBreaker.decorateSupplier(circuitBreaker, decorated);
        decorated = Retry.decorateSupplier(retry, decorated);
        try {
            return decorated.get();
        } catch (TransientFailure e) {
            throw new EmbeddingFailedException(
                    "embedding endpoint failed after " + settings.maxAttempts() + " attempts: " + e.getMessage(), e);
        } catch (CallNotPermittedException e) {
            throw new EmbeddingFailedException("embedding endpoint circuit is open", e);
        } catch (BulkheadFullException e) {
            throw new EmbeddingFailedException("too many concurrent embedding calls", e);
        }
    }

    private List<float[]> call(List<String> batch) {
        ObjectNode body = JSON.createObjectNode();
        body.put("model", settings.model());
        ArrayNode input = body.putArray("input");
        batch.forEach(input::add);
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
                .timeout(settings.timeout())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8));
        String apiKey = settings.apiKey();
        if (apiKey != null && !apiKey.isBlank()) {
            request.header("Authorization", "Bearer " + apiKey);
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new TransientFailure(e.getClass().getSimpleName() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EmbeddingFailedException("interrupted", e);
        }
        int status = response.statusCode();
        if (status == 429 || status >= 500) {
            throw new TransientFailure("HTTP " + status, null);
        }
        if (status != 200) {
            throw new EmbeddingFailedException("embedding endpoint answered HTTP " + status);
        }
        return parse(response.body(), batch.size());
    }

    /** Validates everything: a wrong count, index or dimension would silently attach vectors to the wrong chunks. */
    private List<float[]> parse(String body, int expected) {
        JsonNode data;
        try {
            data = JSON.readTree(body).path("data");
        } catch (JacksonException e) {
            throw new EmbeddingFailedException("malformed embedding response: not JSON", e);
        }
        if (!data.isArray() || data.size() != expected) {
            throw new EmbeddingFailedException("malformed embedding response: expected " + expected + " embeddings");
        }
        float[][] vectors = new float[expected][];
        for (JsonNode item : data) {
            JsonNode index = item.path("index");
            JsonNode embedding = item.path("embedding");
            if (!index.isIntegralNumber()
                    || index.asInt() < 0
                    || index.asInt() >= expected
                    || vectors[index.asInt()] != null) {
                throw new EmbeddingFailedException("malformed embedding response: bad index " + index);
            }
            if (!embedding.isArray() || embedding.size() != settings.dimension()) {
                throw new EmbeddingFailedException("malformed embedding response: expected " + settings.dimension()
                        + " dimensions, got " + embedding.size());
            }
            float[] vector = new float[embedding.size()];
            for (int i = 0; i < vector.length; i++) {
                JsonNode x = embedding.get(i);
                if (!x.isNumber() || !Double.isFinite(x.asDouble())) {
                    throw new EmbeddingFailedException("malformed embedding response: non-numeric component");
                }
                vector[i] = (float) x.asDouble();
            }
            vectors[index.asInt()] = Vectors.normalize(vector);
        }
        return List.of(vectors);
    }

    /** A failure worth retrying: timeout, connection error, 429 or 5xx. */
    private static final class TransientFailure extends RuntimeException {
        TransientFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
