package io.docmatrix.query.projection.messaging;

import io.docmatrix.contracts.Topics;
import io.docmatrix.contracts.chunk.ChunkEmbedded;
import io.docmatrix.contracts.chunk.ChunkEvent;
import io.docmatrix.query.projection.DocumentProjection;
import io.docmatrix.runtime.messaging.InboundEvents;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Embedded chunks into the projection; undecodable records are dead-lettered by the shared error handler. */
@Component
class ChunkEventsListener {

    private final DocumentProjection projection;

    ChunkEventsListener(DocumentProjection projection) {
        this.projection = projection;
    }

    @KafkaListener(topics = Topics.DOCUMENTS_CHUNKS)
    void on(ConsumerRecord<String, byte[]> record) {
        if (InboundEvents.decode(record, ChunkEvent.class) instanceof ChunkEmbedded chunk) {
            projection.apply(chunk);
        }
    }
}
