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
            if (current == null || propagation == null || current == Tracer.NOOP) {
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
     * The W3C traceparent of this thread's current span (Micrometer Tracing's, else the OpenTelemetry API's, which is
     * the Java agent's when it is attached), or, without a recording span, the one {@link #resume} made current; null
     * when there is none.
     */
    public static @Nullable String currentTraceparent(@Nullable Tracer tracer) {
        Span span = tracer == null ? null : tracer.currentSpan();
        if (span != null) {
            io.micrometer.tracing.TraceContext context = span.context();
            String traceId = leftPad(context.traceId(), 32);
            String spanId = leftPad(context.spanId(), 16);
            if (!traceId.chars().allMatch(c -> c == '0') && !spanId.chars().allMatch(c -> c == '0')) {
                return "00-" + traceId + "-" + spanId + "-" + (Boolean.TRUE.equals(context.sampled()) ? "01" : "00");
            }
        }
        String agent = OPENTELEMETRY_API ? OpenTelemetryApiTraces.currentTraceparent() : null;
        return agent != null ? agent : RESUMED.get();
    }

    // Brave may use 64-bit trace ids; W3C Trace Context wants 128 bits, zero-padded on the left.
    private static String leftPad(String hex, int length) {
        return hex.length() >= length ? hex : "0".repeat(length - hex.length()) + hex;
    }
}
