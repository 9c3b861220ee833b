package io.docmatrix.runtime.outbox;

import io.docmatrix.runtime.observability.TraceContinuation;
import io.micrometer.tracing.Tracer;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Reads the current span from Micrometer Tracing, whichever bridge (OpenTelemetry, Brave) the service uses, or the
 * trace a queue worker resumed ({@link TraceContinuation}). The tracer is looked up per call because the tracing
 * auto-configuration may come after the outbox's.
 */
final class MicrometerTraceContext implements TraceContext {

    private final ObjectProvider<Tracer> tracer;

    MicrometerTraceContext(ObjectProvider<Tracer> tracer) {
        this.tracer = tracer;
    }

    @Override
    public @Nullable String traceparent() {
        return TraceContinuation.currentTraceparent(tracer.getIfAvailable());
    }
}
