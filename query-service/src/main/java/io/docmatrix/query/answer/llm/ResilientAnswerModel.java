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

    public ResilientAnswerModel(AnswerModel delegate, AnswerProperties.Llm settings) {
        this.delegate = delegate;
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
    public String complete(LlmPrompt prompt) {
        return guarded(() -> withDeadline(() -> delegate.complete(prompt)));
    }

    @Override
    public void stream(LlmPrompt prompt, Consumer<String> pieces) {
        AtomicBoolean delivered = new AtomicBoolean();
        guarded(() -> withDeadline(() -> {
            try {
                delegate.stream(prompt, piece -> {
                    delivered.set(true);
                    pieces.accept(piece);
                });
            } catch (AnswerModelException e) {
                // once the caller has part of an answer a retry would repeat it
                throw delivered.get() ? new AnswerModelException(e.reason(), false, e.getMessage(), e.getCause()) : e;
            }
            return null;
        }));
    }

    private <T> T guarded(Supplier<T> attempt) {
        Supplier<T> retried = Retry.decorateSupplier(retry, attempt);
        try {
            // the breaker sees one outcome per question: retries inside it, so a blip that a retry fixes is no failure
            return CircuitBreaker.decorateSupplier(circuit, retried).get();
        } catch (CallNotPermittedException open) {
            throw new AnswerModelException("LLM_CIRCUIT_OPEN", false, "the model is failing; not calling it", open);
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
