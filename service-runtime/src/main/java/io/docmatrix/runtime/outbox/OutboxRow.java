package io.docmatrix.runtime.outbox;

import io.docmatrix.contracts.EventHeaders;
import io.docmatrix.runtime.messaging.EventJson;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** One committed outbox row as the relay reads it from a Debezium change event, and the Kafka record it becomes. */
record OutboxRow(
        String id,
        String topic,
        String key,
        String type,
        String payload,
        String source,
        String time,
        @Nullable String tenantId,
        @Nullable String traceparent) {

    /**
     * The inserted row of a change event value ({@code {"before":..,"after":{..},"op":"c",..}} without schemas), or
     * empty for anything that is not an insert: heartbeats, and the deletes of the cleanup if they ever get through.
     *
     * @throws IllegalStateException for an insert that lacks a required column, which only a writer bypassing
     *     {@link OutboxWriter} could produce; the relay stops rather than drop or invent an event
     */
    static Optional<OutboxRow> fromChangeValue(@Nullable String value) {
        if (value == null) {
            return Optional.empty();
        }
        JsonNode change = EventJson.mapper().readTree(value);
        JsonNode after = change.get("after");
        if (!"c".equals(text(change, "op")) || after == null || after.isNull()) {
            return Optional.empty();
        }
        return Optional.of(new OutboxRow(
                required(after, "id"),
                required(after, "aggregatetype"),
                required(after, "aggregateid"),
                required(after, "type"),
                required(after, "payload"),
                required(after, "ce_source"),
                required(after, "ce_time"),
                text(after, "ce_tenantid"),
                text(after, "traceparent")));
    }

    /** The record exactly as docs/events.md specifies it: CloudEvents binary mode, no Java type headers. */
    ProducerRecord<String, byte[]> toProducerRecord() {
        RecordHeaders headers = new RecordHeaders();
        add(headers, EventHeaders.ID, id);
        add(headers, EventHeaders.TYPE, type);
        add(headers, EventHeaders.SOURCE, source);
        add(headers, EventHeaders.SPEC_VERSION, EventHeaders.SPEC_VERSION_1_0);
        add(headers, EventHeaders.TIME, time);
        add(headers, EventHeaders.SUBJECT, key);
        if (tenantId != null) {
            add(headers, EventHeaders.TENANT_ID, tenantId);
        }
        add(headers, EventHeaders.CONTENT_TYPE, EventHeaders.APPLICATION_JSON);
        if (traceparent != null) {
            add(headers, EventHeaders.TRACEPARENT, traceparent);
        }
        return new ProducerRecord<>(topic, null, key, payload.getBytes(StandardCharsets.UTF_8), headers);
    }

    private static void add(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static @Nullable String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }

    private static String required(JsonNode row, String column) {
        String value = text(row, column);
        if (value == null) {
            throw new IllegalStateException("outbox row without " + column + ": " + row);
        }
        return value;
    }
}
