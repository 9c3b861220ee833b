package io.docmatrix.analysis.pipeline.messaging;

import io.docmatrix.analysis.pipeline.ChunkStaging;
import io.docmatrix.contracts.Topics;
import io.docmatrix.contracts.chunk.ChunkEmbedded;
import io.docmatrix.contracts.chunk.ChunkEvent;
import io.docmatrix.runtime.messaging.InboundEvents;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Stages each embedded chunk. Staging is one insert, so the partition never waits on an analysis. A record that does
 * not decode goes to {@code documents.chunks.v1.analysis-service.dlt} through the shared error handler; its version
 * then never completes and the sweep fails its analysis with CHUNKS_INCOMPLETE.
 */
@Component
class ChunkEventsListener {

    private final ChunkStaging staging;

    ChunkEventsListener(ChunkStaging staging) {
        this.staging = staging;
    }

    @KafkaListener(topics = Topics.DOCUMENTS_CHUNKS)
    void on(ConsumerRecord<String, byte[]> record) {
        if (InboundEvents.decode(record, ChunkEvent.class) instanceof ChunkEmbedded chunk) {
            staging.chunk(chunk);
        }
    }
}
