package io.docmatrix.query.projection.messaging;

import io.docmatrix.contracts.Topics;
import io.docmatrix.contracts.chunk.ChunkEmbedded;
import io.docmatrix.contracts.chunk.ChunkEvent;
import io.docmatrix.query.projection.DocumentProjection;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Embedded chunks into the projection, a whole poll per transaction: a document brings hundreds of chunks at once,
 * and one transaction per chunk capped the projection at about 100 chunks a second. Undecodable records and records
 * whose effect fails are dead-lettered one by one ({@link EventBatches}).
 */
@Component
class ChunkEventsListener {

    private final DocumentProjection projection;

    ChunkEventsListener(DocumentProjection projection) {
        this.projection = projection;
    }

    // Two consumers by default: inserting into the HNSW index dominates a batch and runs in the inserting backend, so
    // two transactions on different partitions (different documents: the key) use both cores of a small machine.
    @KafkaListener(
            topics = Topics.DOCUMENTS_CHUNKS,
            batch = "true",
            concurrency = "${query.projection.chunk-consumers:2}")
    void on(List<ConsumerRecord<String, byte[]>> records) {
        EventBatches.apply(records, ChunkEvent.class, events -> projection.applyChunks(embedded(events)), event -> {
            if (event instanceof ChunkEmbedded chunk) {
                projection.apply(chunk);
            }
        });
    }

    private static List<ChunkEmbedded> embedded(List<ChunkEvent> events) {
        List<ChunkEmbedded> chunks = new ArrayList<>(events.size());
        for (ChunkEvent event : events) {
            if (event instanceof ChunkEmbedded chunk) {
                chunks.add(chunk);
            }
        }
        return chunks;
    }
}
