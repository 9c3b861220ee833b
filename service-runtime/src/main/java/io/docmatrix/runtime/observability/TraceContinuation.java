package io.docmatrix.runtime.observability;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.util.ClassUtils;

/**
 * Carries a W3C trace across a database work queue. A listener stores {@link #capture} of the triggering event with
 * the queued row; the worker that picks the row up later, on another thread, runs it inside {@link #resume}, which
 * starts a span whose parent is the stored context, so the events it appends to the outbox (and so the next hop) stay
 * in the same trace.
 *
 * <p>Without a recording tracer (tracing off, or a test context's no-op tracer) {@link #resume} still makes the stored
 * traceparent the current one for the outbox: trace ids then pass through unchanged, which is what a service that only
 * propagates context should do.
 */
public final class TraceContinuation {

    private static final Pattern TRACEPARENT = Pattern.compile("00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");
    private static final ThreadLocal<@Nullable String> RESUMED = new ThreadLocal<>();
    private static final boolean OPENTELEMETRY_API =
            ClassUtils.isPresent("io.opentelemetry.api.GlobalOpenTelemetry", TraceContinuation.class.getClassLoader());
    // With the Java agent attached, Boot's tracer may still be a bean (tracing merely not exported), and spans started
    // through it would never reach the agent's exporter: the trace id would pass on, but the hops' parents would be
    // missing from the trace. So the agent, when present, is asked first.
    private static final boolean JAVA_AGENT = OPENTELEMETRY_API && javaAgentAttached();

    private final ObjectProvider<Tracer> tracer;
    private final ObjectProvider<Propagator> propagator;

    public TraceContinuation(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    /**
     * The traceparent to store with queued work: the current span's if one is recording (the listener's consumer
     * span), else {@code received}, the traceparent header of the triggering record, if it is a valid one.
     */
    public @Nullable String capture(@Nullable String received) {
        String current = currentTraceparent(tracer.getIfAvailable());
        if (current != null) {
            return current;
        }
        return received != null && TRACEPARENT.matcher(received).matches() ? received : null;
    }

    /** Runs {@code work} as span {@code name}, a child of {@code traceparent} (a root when null or malformed). */
    public <T> T resume(@Nullable String traceparent, String name, Supplier<T> work) {
        String parent = traceparent != null && TRACEPARENT.matcher(traceparent).matches() ? traceparent : null;
        Tracer current = tracer.getIfAvailable();
        Propagator propagation = propagator.getIfAvailable();
        String previous = RESUMED.get();
        RESUMED.set(parent);
        try {
            if (JAVA_AGENT || current == null || propagation == null || current == Tracer.NOOP) {
                // Boot's tracing is off (e.g. the Java agent traces instead): spans through the OpenTelemetry API.
                return OPENTELEMETRY_API ? OpenTelemetryApiTraces.resume(parent, name, work) : work.get();
            }
            Span.Builder builder = parent == null
                    ? current.spanBuilder()
                    : propagation.extract(Map.of("traceparent", parent), Map::get);
            Span span = builder.name(name).start();
            try (Tracer.SpanInScope scope = current.withSpan(span)) {
                return work.get();
            } catch (RuntimeException e) {
                span.error(e);
                throw e;
            } finally {
                span.end();
            }
        } finally {
            if (previous == null) {
                RESUMED.remove();
            } else {
                RESUMED.set(previous);
            }
        }
    }

    /**
     * Runs {@code work} as span {@code name}, a child of the current span: a step of a hop (parse, chunk, embed) that
     * a trace should show with its own duration. Without a tracer it just runs {@code work}.
     */
    public <T, E extends Exception> T span(String name, Step<T, E> work) throws E {
        Tracer current = tracer.getIfAvailable();
        if (JAVA_AGENT || current == null || current == Tracer.NOOP) {
            return OPENTELEMETRY_API ? OpenTelemetryApiTraces.child(name, work) : work.get();
        }
        Span span = current.nextSpan().name(name).start();
        try (Tracer.SpanInScope scope = current.withSpan(span)) {
            return work.get();
        } catch (Exception e) {
            span.error(e);
            throw e;
        } finally {
            span.end();
        }
    }

    /**
     * Adds {@code key=value} to the current span, so a trace can be found from, or lead to, a business object (the
     * document a worker processes, the documents an answer cites). Does nothing without a recording span.
     */
    public void annotate(String key, String value) {
        Tracer current = tracer.getIfAvailable();
        if (JAVA_AGENT || current == null || current == Tracer.NOOP) {
            if (OPENTELEMETRY_API) {
                OpenTelemetryApiTraces.annotate(key, value);
            }
            return;
        }
        Span span = current.currentSpan();
        if (span != null) {
            span.tag(key, value);
        }
    }

    /** A step run inside a span; it may throw a checked exception, which is recorded on the span and rethrown. */
    @FunctionalInterface
    public interface Step<T, E extends Exception> {
        T get() throws E;
    }

    /**
     * The W3C traceparent of this thread's current span (Micrometer Tracing's, else the OpenTelemetry API's, which is
     * the Java agent's when it is attached; the agent's first when it is attached), or, without a recording span, the
     * one {@link #resume} made current; null when there is none.
     */
    public static @Nullable String currentTraceparent(@Nullable Tracer tracer) {
        String agent = JAVA_AGENT ? OpenTelemetryApiTraces.currentTraceparent() : null;
        if (agent != null) {
            return agent;
        }
        // The agent's context is not always on the thread (a reactive pipeline hopping to a blocking scheduler); Boot's
        // tracer, propagated by Reactor's context, still knows the trace then.
        String micrometer = micrometerTraceparent(tracer);
        if (micrometer != null) {
            return micrometer;
        }
        String api = OPENTELEMETRY_API && !JAVA_AGENT ? OpenTelemetryApiTraces.currentTraceparent() : null;
        return api != null ? api : RESUMED.get();
    }

    private static @Nullable String micrometerTraceparent(@Nullable Tracer tracer) {
        Span span = tracer == null ? null : tracer.currentSpan();
        if (span == null) {
            return null;
        }
        io.micrometer.tracing.TraceContext context = span.context();
        String traceId = leftPad(context.traceId(), 32);
        String spanId = leftPad(context.spanId(), 16);
        if (traceId.chars().allMatch(c -> c == '0') || spanId.chars().allMatch(c -> c == '0')) {
            return null;
        }
        return "00-" + traceId + "-" + spanId + "-" + (Boolean.TRUE.equals(context.sampled()) ? "01" : "00");
    }

    // Brave may use 64-bit trace ids; W3C Trace Context wants 128 bits, zero-padded on the left.
    private static String leftPad(String hex, int length) {
        return hex.length() >= length ? hex : "0".repeat(length - hex.length()) + hex;
    }

    private static boolean javaAgentAttached() {
        try {
            // The agent appends its bootstrap classes to the boot class path: found there only when it is attached.
            Class.forName("io.opentelemetry.javaagent.bootstrap.AgentInitializer", false, null);
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
