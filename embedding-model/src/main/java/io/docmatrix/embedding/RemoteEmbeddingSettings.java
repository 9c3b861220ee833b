package io.docmatrix.embedding;

import java.net.URI;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * How to reach an OpenAI-compatible embeddings endpoint ({@code POST {baseUrl}/v1/embeddings}).
 *
 * @param apiKey sent as a bearer token; comes from the environment, never from the repository; null for none
 * @param dimension the vector size the endpoint must return; a different size fails the call
 * @param maxTokens input limit of the remote model, counted with the local tokenizer given to the client
 * @param timeout per HTTP call
 * @param maxAttempts including the first; only timeouts, connection errors, 429 and 5xx are retried
 * @param initialBackoff doubled after each failed attempt
 * @param batchSize texts per request
 * @param maxConcurrentCalls bulkhead: calls beyond it wait up to {@code timeout} for a slot, then fail
 * @param failureRateThreshold percentage of failed calls in the last 20 that opens the circuit
 * @param openStateWait how long an open circuit rejects calls before probing again
 */
public record RemoteEmbeddingSettings(
        URI baseUrl,
        String model,
        @Nullable String apiKey,
        int dimension,
        int maxTokens,
        Duration timeout,
        int maxAttempts,
        Duration initialBackoff,
        int batchSize,
        int maxConcurrentCalls,
        float failureRateThreshold,
        Duration openStateWait) {

    public static RemoteEmbeddingSettings of(URI baseUrl, String model, @Nullable String apiKey, int dimension) {
        return new RemoteEmbeddingSettings(
                baseUrl,
                model,
                apiKey,
                dimension,
                512,
                Duration.ofSeconds(30),
                3,
                Duration.ofMillis(500),
                64,
                4,
                50f,
                Duration.ofSeconds(30));
    }

    public RemoteEmbeddingSettings withTimeout(Duration timeout, Duration initialBackoff) {
        return new RemoteEmbeddingSettings(
                baseUrl,
                model,
                apiKey,
                dimension,
                maxTokens,
                timeout,
                maxAttempts,
                initialBackoff,
                batchSize,
                maxConcurrentCalls,
                failureRateThreshold,
                openStateWait);
    }

    public RemoteEmbeddingSettings withMaxAttempts(int maxAttempts) {
        return new RemoteEmbeddingSettings(
                baseUrl,
                model,
                apiKey,
                dimension,
                maxTokens,
                timeout,
                maxAttempts,
                initialBackoff,
                batchSize,
                maxConcurrentCalls,
                failureRateThreshold,
                openStateWait);
    }
}
