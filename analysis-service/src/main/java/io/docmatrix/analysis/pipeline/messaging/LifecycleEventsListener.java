package io.docmatrix.analysis.pipeline.messaging;

import io.docmatrix.analysis.pipeline.ChunkStaging;
import io.docmatrix.contracts.Topics;
import io.docmatrix.contracts.document.DocumentDeleted;
import io.docmatrix.contracts.document.DocumentIndexed;
import io.docmatrix.contracts.document.DocumentLifecycleEvent;
import io.docmatrix.contracts.document.DocumentReceived;
import io.docmatrix.runtime.messaging.InboundEvents;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Takes the document facts analysis needs from the lifecycle: names, the chunk count, and deletions. */
@Component
class LifecycleEventsListener {

    private final ChunkStaging staging;

    LifecycleEventsListener(ChunkStaging staging) {
        this.staging = staging;
    }

    @KafkaListener(topics = Topics.DOCUMENTS_LIFECYCLE)
    void on(ConsumerRecord<String, byte[]> record) {
        // Parsing progress and ingestion failures mean nothing to analysis: no chunks follow them.
        DocumentLifecycleEvent event = InboundEvents.decode(record, DocumentLifecycleEvent.class);
        if (event instanceof DocumentReceived received) {
            staging.received(received);
        } else if (event instanceof DocumentIndexed indexed) {
            staging.indexed(indexed);
        } else if (event instanceof DocumentDeleted deleted) {
            staging.deleted(deleted);
        }
    }
}
