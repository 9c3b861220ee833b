package io.docmatrix.runtime.outbox;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Reads the current span from Micrometer Tracing, whichever bridge (OpenTelemetry, Brave) the service uses. The tracer
 * is looked up per call because the tracing auto-configuration may come after the outbox's.
 */
final class MicrometerTraceContext implements TraceContext {

    private final ObjectProvider<Tracer> tracer;

    MicrometerTraceContext(ObjectProvider<Tracer> tracer) {
        this.tracer = tracer;
    }

    @Override
    public @Nullable String traceparent() {
        Tracer current = tracer.getIfAvailable();
        Span span = current == null ? null : current.currentSpan();
        if (span == null) {
            return null;
        }
        io.micrometer.tracing.TraceContext context = span.context();
        String traceId = leftPad(context.traceId(), 32);
        String spanId = leftPad(context.spanId(), 16);
        if (traceId.chars().allMatch(c -> c == '0')) {
            return null;
        }
        return "00-" + traceId + "-" + spanId + "-" + (Boolean.TRUE.equals(context.sampled()) ? "01" : "00");
    }

    // Brave may use 64-bit trace ids; W3C Trace Context wants 128 bits, zero-padded on the left.
    private static String leftPad(String hex, int length) {
        return hex.length() >= length ? hex : "0".repeat(length - hex.length()) + hex;
    }
}
