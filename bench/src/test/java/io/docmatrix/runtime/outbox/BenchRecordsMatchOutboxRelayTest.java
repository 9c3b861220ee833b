package io.docmatrix.runtime.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.docmatrix.bench.query.ChunkEvents;
import io.docmatrix.contracts.DomainEvent;
import io.docmatrix.contracts.EventCatalog;
import io.docmatrix.runtime.messaging.EventJson;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/**
 * The bench injects chunk events without ingestion's outbox, so it must produce byte for byte the record the relay
 * would: this test lives in the relay's package to compare against its (package-private) record builder directly.
 */
class BenchRecordsMatchOutboxRelayTest {

    @Test
    void everySeededEventIsTheRecordTheOutboxRelayWouldProduce() {
        List<DomainEvent> events = new ChunkEvents(4, UUID.randomUUID(), 3, ChunkEvents.DEFAULT_MODEL).document(1);

        for (DomainEvent event : events) {
            ProducerRecord<String, byte[]> bench = ChunkEvents.record(event);
            ProducerRecord<String, byte[]> relay =
                    OutboxRow.fromChangeValue(changeEvent(event)).orElseThrow().toProducerRecord();

            assertThat(bench.topic()).isEqualTo(relay.topic());
            assertThat(bench.key()).isEqualTo(relay.key());
            assertThat(headers(bench)).containsExactlyEntriesOf(headers(relay));
            assertThat(EventJson.mapper().readTree(bench.value()))
                    .isEqualTo(EventJson.mapper().readTree(relay.value()));
        }
    }

    /** What Debezium hands the relay for the outbox row JdbcOutboxWriter would insert for this event. */
    private static String changeEvent(DomainEvent event) {
        EventCatalog.Entry entry = EventCatalog.of(event);
        ObjectNode after = EventJson.mapper().createObjectNode();
        after.put("id", event.eventId().toString());
        after.put("aggregatetype", entry.topic());
        after.put("aggregateid", event.aggregateId());
        after.put("type", entry.type());
        after.put("payload", EventJson.mapper().writeValueAsString(event));
        after.put("ce_source", entry.source());
        after.put("ce_time", event.occurredAt().toString());
        after.put("ce_tenantid", JdbcOutboxWriter.tenantId(event));
        ObjectNode change = EventJson.mapper().createObjectNode();
        change.put("op", "c");
        change.set("after", after);
        return change.toString();
    }

    private static Map<String, String> headers(ProducerRecord<String, byte[]> record) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
        }
        return headers;
    }
}
