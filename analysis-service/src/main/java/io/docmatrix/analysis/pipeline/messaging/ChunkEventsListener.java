package io.docmatrix.analysis.pipeline.messaging;

import io.docmatrix.analysis.pipeline.ChunkStaging;
import io.docmatrix.contracts.Topics;
import io.docmatrix.contracts.chunk.ChunkEmbedded;
import io.docmatrix.contracts.chunk.ChunkEvent;
import io.docmatrix.runtime.messaging.InboundEvents;
import io.docmatrix.runtime.messaging.PoisonEventException;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Stages each embedded chunk. Staging is one insert, so the partition never waits on an analysis. A record that does
 * not decode goes to {@code documents.chunks.v1.analysis-service.dlt} through the shared error handler; it is also
 * remembered against its key (the document id), so the sweep fails the waiting version with CHUNK_UNREADABLE at once
 * rather than after the chunk timeout.
 */
@Component
class ChunkEventsListener {

    private final ChunkStaging staging;

    ChunkEventsListener(ChunkStaging staging) {
        this.staging = staging;
    }

    @KafkaListener(topics = Topics.DOCUMENTS_CHUNKS)
    void on(ConsumerRecord<String, byte[]> record) {
        ChunkEvent event;
        try {
            event = InboundEvents.decode(record, ChunkEvent.class);
        } catch (PoisonEventException e) {
            documentOf(record).ifPresent(id -> staging.unreadable(id, e.getMessage()));
            throw e;
        }
        if (event instanceof ChunkEmbedded chunk) {
            staging.chunk(chunk);
        }
    }

    /** The Kafka key is the document id; a record without a usable key cannot be attributed to any document. */
    private static Optional<UUID> documentOf(ConsumerRecord<String, byte[]> record) {
        try {
            return record.key() == null ? Optional.empty() : Optional.of(UUID.fromString(record.key()));
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }
}
