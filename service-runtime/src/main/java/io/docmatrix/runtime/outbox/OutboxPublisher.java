package io.docmatrix.runtime.outbox;

import io.debezium.engine.ChangeEvent;
import io.debezium.engine.DebeziumEngine;
import io.docmatrix.runtime.observability.TraceContinuation;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.support.SendResult;

/**
 * Sends each batch of outbox inserts to Kafka and tells Debezium a record is done only once Kafka acknowledged it (and
 * every record before it). A failed or timed-out send throws, which stops the engine before the failed record's
 * position is stored; the relay restarts and Debezium delivers it again. Delivery is therefore at least once.
 *
 * <p>Records of a batch are sent without waiting in between: the idempotent producer keeps their order per partition
 * even across its internal retries, so per-key order holds without paying one round trip per event.
 */
final class OutboxPublisher implements DebeziumEngine.ChangeConsumer<ChangeEvent<String, String>> {

    private final KafkaOperations<String, byte[]> kafka;
    private final Duration sendTimeout;
    private final @Nullable MeterRegistry meters;
    private final Runnable onBatchRelayed;
    private final @Nullable TraceContinuation traces;
    private volatile @Nullable String lastRelayedId;

    OutboxPublisher(
            KafkaOperations<String, byte[]> kafka,
            Duration sendTimeout,
            @Nullable MeterRegistry meters,
            Runnable onBatchRelayed,
            @Nullable TraceContinuation traces) {
        this.kafka = kafka;
        this.sendTimeout = sendTimeout;
        this.meters = meters;
        this.onBatchRelayed = onBatchRelayed;
        this.traces = traces;
    }

    @Override
    public void handleBatch(
            List<ChangeEvent<String, String>> records,
            DebeziumEngine.RecordCommitter<ChangeEvent<String, String>> committer)
            throws InterruptedException {
        List<InFlight> inFlight = new ArrayList<>(records.size());
        for (ChangeEvent<String, String> record : records) {
            Optional<OutboxRow> row = OutboxRow.fromChangeValue(record.value());
            inFlight.add(
                    new InFlight(record, row.orElse(null), row.map(this::send).orElse(null)));
        }
        for (InFlight sent : inFlight) {
            if (sent.ack() != null && sent.row() != null) {
                awaitAck(sent.row(), sent.ack());
                relayed(sent.row().topic());
                lastRelayedId = sent.row().id();
            }
            committer.markProcessed(sent.record());
        }
        committer.markBatchFinished();
        onBatchRelayed.run();
    }

    /**
     * Sends in the trace of the operation that appended the event: a span per relayed event, and a Kafka client
     * instrumentation (the Java agent's) that injects its own traceparent continues that trace instead of starting one.
     */
    private CompletableFuture<SendResult<String, byte[]>> send(OutboxRow row) {
        if (traces == null) {
            return kafka.send(row.toProducerRecord());
        }
        return traces.resume(
                row.traceparent(), "outbox relay " + row.topic(), () -> kafka.send(row.toProducerRecord()));
    }

    private void awaitAck(OutboxRow row, CompletableFuture<SendResult<String, byte[]>> ack)
            throws InterruptedException {
        try {
            ack.get(sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
            throw new OutboxRelayException(
                    "Kafka did not acknowledge event " + row.id() + " (" + row.type() + ") on " + row.topic(), cause);
        }
    }

    /** The id of the newest event Kafka acknowledged since this relay started, if any. */
    @Nullable
    String lastRelayedId() {
        return lastRelayedId;
    }

    private void relayed(String topic) {
        if (meters != null) {
            Counter.builder("docmatrix.outbox.relayed")
                    .description("Outbox events Kafka acknowledged")
                    .tag("topic", topic)
                    .register(meters)
                    .increment();
        }
    }

    private record InFlight(
            ChangeEvent<String, String> record,
            @Nullable OutboxRow row,
            @Nullable CompletableFuture<SendResult<String, byte[]>> ack) {}

    /** A send the relay could not complete; the engine stops and restarts from the last acknowledged position. */
    static final class OutboxRelayException extends RuntimeException {
        OutboxRelayException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
