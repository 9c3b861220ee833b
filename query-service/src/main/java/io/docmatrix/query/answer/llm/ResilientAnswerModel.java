package io.docmatrix.query.answer.llm;

import io.docmatrix.query.answer.AnswerModel;
import io.docmatrix.query.answer.AnswerModelException;
import io.docmatrix.query.answer.AnswerProperties;
import io.docmatrix.query.answer.LlmPrompt;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Guards a model: each attempt gets a hard deadline (the call runs on a worker thread that is interrupted when the
 * deadline passes, so a model that trickles tokens cannot hold the request), transient failures are retried with a
 * back-off (a timeout is not: a second wait as long would make the answer later still), and a circuit breaker stops
 * calling a model that keeps failing, so those requests go straight to the extractive answer. A stream is retried
 * only while nothing of it reached the caller.
 */
public final class ResilientAnswerModel implements AnswerModel, AutoCloseable {

    private final AnswerModel delegate;
    private final Duration timeout;
    private final Retry retry;
    private final CircuitBreaker circuit;
    private final ExecutorService calls;
    private final @Nullable LlmMetrics metrics;

    public ResilientAnswerModel(AnswerModel delegate, AnswerProperties.Llm settings) {
        this(delegate, settings, null);
    }

    /** @param metrics where each attempt's outcome and time, and each breaker rejection, are counted; null counts nothing */
    public ResilientAnswerModel(AnswerModel delegate, AnswerProperties.Llm settings, @Nullable LlmMetrics metrics) {
        this.delegate = delegate;
        this.metrics = metrics;
        this.timeout = settings.timeout();
        this.retry = Retry.of(
                "answer-model",
                RetryConfig.custom()
                        .maxAttempts(settings.maxAttempts())
                        .waitDuration(settings.backoff())
                        .retryOnException(e -> e instanceof AnswerModelException failure && failure.retryable())
                        .build());
        this.circuit = CircuitBreaker.of(
                "answer-model",
                CircuitBreakerConfig.custom()
                        .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                        .slidingWindowSize(settings.window())
                        .minimumNumberOfCalls(settings.minimumCalls())
                        .failureRateThreshold(settings.failureRate())
                        .waitDurationInOpenState(settings.openFor())
                        .permittedNumberOfCallsInHalfOpenState(1)
                        .build());
        AtomicInteger n = new AtomicInteger();
        this.calls = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "answer-model-" + n.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** The breaker's state, for tests and logs. */
    public CircuitBreaker.State circuitState() {
        return circuit.getState();
    }

    @Override
    public String complete(String tenant, LlmPrompt prompt) {
        return guarded(tenant, () -> withDeadline(tenant, () -> delegate.complete(tenant, prompt)));
    }

    @Override
    public void stream(String tenant, LlmPrompt prompt, Consumer<String> pieces) {
        AtomicBoolean delivered = new AtomicBoolean();
        guarded(
                tenant,
                () -> withDeadline(tenant, () -> {
                    try {
                        delegate.stream(tenant, prompt, piece -> {
                            delivered.set(true);
                            pieces.accept(piece);
                        });
                    } catch (AnswerModelException e) {
                        // once the caller has part of an answer a retry would repeat it
                        throw delivered.get()
                                ? new AnswerModelException(e.reason(), false, e.getMessage(), e.getCause())
                                : e;
                    }
                    return null;
                }));
    }

    private <T> T guarded(String tenant, Supplier<T> attempt) {
        Supplier<T> retried = Retry.decorateSupplier(retry, attempt);
        try {
            // the breaker sees one outcome per question: retries inside it, so a blip that a retry fixes is no failure
            return CircuitBreaker.decorateSupplier(circuit, retried).get();
        } catch (CallNotPermittedException open) {
            if (metrics != null) {
                metrics.rejected(tenant);
            }
            throw new AnswerModelException("LLM_CIRCUIT_OPEN", false, "the model is failing; not calling it", open);
        }
    }

    /** One attempt, counted by how it ended. */
    private <T> T withDeadline(String tenant, Supplier<T> call) {
        long started = System.nanoTime();
        LlmMetrics.Outcome outcome = LlmMetrics.Outcome.ERROR;
        try {
            T result = withDeadline(call);
            outcome = LlmMetrics.Outcome.OK;
            return result;
        } catch (AnswerModelException e) {
            outcome = e.reason().equals("LLM_TIMEOUT") ? LlmMetrics.Outcome.TIMEOUT : LlmMetrics.Outcome.ERROR;
            throw e;
        } finally {
            if (metrics != null) {
                metrics.attempted(tenant, outcome, Duration.ofNanos(System.nanoTime() - started));
            }
        }
    }

    private <T> T withDeadline(Supplier<T> call) {
        Future<T> future = calls.submit(call::get);
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new AnswerModelException("LLM_TIMEOUT", false, "the model did not answer within " + timeout, e);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new AnswerModelException("LLM_TIMEOUT", false, "interrupted while waiting for the model", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof AnswerModelException failure) {
                throw failure;
            }
            throw OpenAiAnswerModel.classify(
                    e.getCause() instanceof RuntimeException r ? r : new RuntimeException(e.getCause()));
        }
    }

    @Override
    public void close() {
        calls.shutdownNow();
    }
}
