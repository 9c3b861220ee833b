package io.docmatrix.runtime.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.bridge.OtelPropagator;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.micrometer.tracing.propagation.Propagator;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.SpanProcessor;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
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
    void aStageRunsInItsOwnChildSpanOfTheResumedTraceAndRethrowsItsCheckedFailure() {
        TraceContinuation continuation = continuation(tracer, propagator);

        String[] spans = continuation.resume(UPLOAD, "ingestion.process", () -> {
            String process = TraceContinuation.currentTraceparent(tracer);
            String parse = continuation.span("ingestion.parse", () -> TraceContinuation.currentTraceparent(tracer));
            return new String[] {process, parse};
        });

        assertThat(spans[1]).startsWith("00-" + TRACE_ID + "-").isNotEqualTo(spans[0]);
        assertThatThrownBy(() -> continuation.span("ingestion.fetch", () -> {
                    throw new java.io.IOException("blob gone");
                }))
                .isInstanceOf(java.io.IOException.class);
    }

    @Test
    void annotatesTheCurrentSpanSoATraceLeadsToItsDocument() {
        List<ReadableSpan> ended = new CopyOnWriteArrayList<>();
        try (SdkTracerProvider recording = SdkTracerProvider.builder()
                .addSpanProcessor(new Collecting(ended))
                .build()) {
            io.opentelemetry.api.trace.Tracer sdk = recording.get("test");
            Tracer recordingTracer = new OtelTracer(sdk, new OtelCurrentTraceContext(), event -> {});
            TraceContinuation continuation = continuation(
                    recordingTracer,
                    new OtelPropagator(ContextPropagators.create(W3CTraceContextPropagator.getInstance()), sdk));

            continuation.resume(UPLOAD, "ingestion.process", () -> {
                continuation.annotate("docmatrix.document_id", "d-1");
                return null;
            });
        }

        assertThat(ended).singleElement().satisfies(span -> {
            assertThat(span.getName()).isEqualTo("ingestion.process");
            assertThat(span.getAttribute(AttributeKey.stringKey("docmatrix.document_id")))
                    .isEqualTo("d-1");
        });
    }

    private record Collecting(List<ReadableSpan> ended) implements SpanProcessor {
        @Override
        public void onStart(Context parentContext, ReadWriteSpan span) {}

        @Override
        public boolean isStartRequired() {
            return false;
        }

        @Override
        public void onEnd(ReadableSpan span) {
            ended.add(span);
        }

        @Override
        public boolean isEndRequired() {
            return true;
        }
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
