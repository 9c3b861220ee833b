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
        Context parent = traceparent == null
                ? Context.root()
                : W3CTraceContextPropagator.getInstance()
                        .extract(Context.root(), Map.of("traceparent", traceparent), GETTER);
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
}
