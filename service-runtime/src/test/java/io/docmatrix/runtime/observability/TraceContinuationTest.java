package io.docmatrix.runtime.observability;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.bridge.OtelPropagator;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.micrometer.tracing.propagation.Propagator;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

class TraceContinuationTest {

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String UPLOAD = "00-" + TRACE_ID + "-00f067aa0ba902b7-01";

    private final SdkTracerProvider provider = SdkTracerProvider.builder().build();
    private final io.opentelemetry.api.trace.Tracer otel = provider.get("test");
    private final Tracer tracer = new OtelTracer(otel, new OtelCurrentTraceContext(), event -> {});
    private final Propagator propagator =
            new OtelPropagator(ContextPropagators.create(W3CTraceContextPropagator.getInstance()), otel);

    @AfterEach
    void close() {
        provider.close();
    }

    @Test
    void aWorkerResumingAStoredTraceparentRunsInAChildSpanOfTheSameTrace() {
        TraceContinuation continuation = continuation(tracer, propagator);

        String inWorker =
                continuation.resume(UPLOAD, "ingestion.process", () -> TraceContinuation.currentTraceparent(tracer));

        assertThat(inWorker).startsWith("00-" + TRACE_ID + "-").endsWith("-01").isNotEqualTo(UPLOAD);
        assertThat(TraceContinuation.currentTraceparent(tracer)).isNull();
    }

    @Test
    void withoutATracerTheStoredTraceparentPassesThroughUnchanged() {
        TraceContinuation continuation = continuation(null, null);

        String inWorker =
                continuation.resume(UPLOAD, "ingestion.process", () -> TraceContinuation.currentTraceparent(null));

        assertThat(inWorker).isEqualTo(UPLOAD);
        assertThat(TraceContinuation.currentTraceparent(null)).isNull();
    }

    @Test
    void capturesTheCurrentSpanOverTheReceivedHeaderAndRefusesMalformedOnes() {
        TraceContinuation continuation = continuation(tracer, propagator);

        assertThat(continuation.capture(UPLOAD)).isEqualTo(UPLOAD);
        assertThat(continuation.capture("not-a-traceparent")).isNull();
        String captured = continuation.resume(UPLOAD, "listener", () -> continuation.capture(null));
        assertThat(captured).startsWith("00-" + TRACE_ID + "-").isNotEqualTo(UPLOAD);
    }

    @Test
    void aWorkerWithoutAStoredTraceparentStartsANewTrace() {
        TraceContinuation continuation = continuation(tracer, propagator);

        String inWorker =
                continuation.resume(null, "ingestion.process", () -> TraceContinuation.currentTraceparent(tracer));

        assertThat(inWorker).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]").doesNotContain(TRACE_ID);
    }

    private static TraceContinuation continuation(Tracer tracer, Propagator propagator) {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        if (tracer != null) {
            beans.addBean("tracer", tracer);
            beans.addBean("propagator", propagator);
        }
        return new TraceContinuation(beans.getBeanProvider(Tracer.class), beans.getBeanProvider(Propagator.class));
    }
}
