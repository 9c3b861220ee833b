package io.docmatrix.eval.platform;

import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.OptionalLong;

/**
 * Retry policies for gateway calls. A 429 was refused before any work, so every call may repeat it after the
 * {@code Retry-After} the gateway names; 502/503/504 and broken connections may have done the work, so only calls that
 * are safe to repeat (reads, searches, uploads carrying an {@code Idempotency-Key}) retry those.
 */
final class Retries {

    // Bounds a single wait: a Retry-After of minutes would mean the platform is not fit to measure, not a pause.
    private static final long MAX_WAIT_MILLIS = Duration.ofSeconds(30).toMillis();

    private Retries() {}

    static Retry safe(int maxAttempts) {
        return Retry.of("gateway-safe", config(maxAttempts, true));
    }

    static Retry refusedOnly(int maxAttempts) {
        return Retry.of("gateway-refused", config(maxAttempts, false));
    }

    private static RetryConfig config(int maxAttempts, boolean repeatable) {
        IntervalBiFunction<HttpResponse<String>> interval = (attempt, outcome) -> {
            if (outcome.isRight()) {
                OptionalLong after = retryAfterMillis(outcome.get());
                if (after.isPresent()) {
                    return Math.min(MAX_WAIT_MILLIS, after.getAsLong());
                }
            }
            return backoffMillis(attempt);
        };
        return RetryConfig.<HttpResponse<String>>custom()
                .maxAttempts(maxAttempts)
                .retryOnResult(response -> retryable(response.statusCode(), repeatable))
                .retryOnException(e -> repeatable ? e instanceof IOException : e instanceof ConnectException)
                .intervalBiFunction(interval)
                .build();
    }

    static boolean retryable(int status, boolean repeatable) {
        return status == 429 || (repeatable && (status == 502 || status == 503 || status == 504));
    }

    /** 0.5 s doubling per attempt, capped. */
    static long backoffMillis(int attempt) {
        return Math.min(MAX_WAIT_MILLIS, 500L << Math.min(6, Math.max(0, attempt - 1)));
    }

    /** Retry-After in delta-seconds (the form the gateway sends); an HTTP date or garbage falls back to backoff. */
    static OptionalLong retryAfterMillis(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").flatMap(Retries::parseSeconds).stream()
                .mapToLong(seconds -> seconds * 1000)
                .findFirst();
    }

    private static java.util.Optional<Long> parseSeconds(String value) {
        try {
            long seconds = Long.parseLong(value.strip());
            return seconds >= 0 ? java.util.Optional.of(seconds) : java.util.Optional.empty();
        } catch (NumberFormatException e) {
            return java.util.Optional.empty();
        }
    }
}
