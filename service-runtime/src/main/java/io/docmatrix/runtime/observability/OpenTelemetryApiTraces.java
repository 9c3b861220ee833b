package io.docmatrix.runtime.observability;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Spans through the OpenTelemetry API's global instance: the Java agent's SDK when the agent is attached (and Boot's
 * own tracing is switched off, docs/operations.md "Observability"), a no-op otherwise. Only loaded when the API is on
 * the class path.
 */
final class OpenTelemetryApiTraces {

    private static final TextMapGetter<Map<String, String>> GETTER = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public @Nullable String get(@Nullable Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    private OpenTelemetryApiTraces() {}

    static @Nullable String currentTraceparent() {
        SpanContext context = Span.current().getSpanContext();
        if (!context.isValid()) {
            return null;
        }
        return "00-" + context.getTraceId() + "-" + context.getSpanId() + "-"
                + context.getTraceFlags().asHex();
    }

    static <T> T resume(@Nullable String traceparent, String name, Supplier<T> work) {
        Context parent = traceparent == null ? Context.root() : extract(traceparent);
        Span span = GlobalOpenTelemetry.getTracer("io.docmatrix.runtime")
                .spanBuilder(name)
                .setParent(parent)
                .startSpan();
        try (Scope scope = span.makeCurrent()) {
            return work.get();
        } catch (RuntimeException e) {
            span.setStatus(StatusCode.ERROR);
            span.recordException(e);
            throw e;
        } finally {
            span.end();
        }
    }

    static void annotate(String key, String value) {
        Span.current().setAttribute(key, value);
    }

    static <T, E extends Exception> T child(String name, TraceContinuation.Step<T, E> work) throws E {
        Span span = GlobalOpenTelemetry.getTracer("io.docmatrix.runtime")
                .spanBuilder(name)
                .startSpan();
        try (Scope scope = span.makeCurrent()) {
            return work.get();
        } catch (Exception e) {
            span.setStatus(StatusCode.ERROR);
            span.recordException(e);
            throw e;
        } finally {
            span.end();
        }
    }

    /**
     * The stored context through the global propagators first: with the Java agent attached they are the agent's own,
     * and only a context the agent extracted becomes the parent of its spans (one extracted by the API's W3C
     * propagator was ignored there, and each relayed event started a new trace). Without the agent the global
     * propagators are no-ops, so the W3C propagator reads it.
     */
    private static Context extract(String traceparent) {
        Map<String, String> carrier = Map.of("traceparent", traceparent);
        Context global =
                GlobalOpenTelemetry.getPropagators().getTextMapPropagator().extract(Context.root(), carrier, GETTER);
        if (Span.fromContext(global).getSpanContext().isValid()) {
            return global;
        }
        return W3CTraceContextPropagator.getInstance().extract(Context.root(), carrier, GETTER);
    }
}
