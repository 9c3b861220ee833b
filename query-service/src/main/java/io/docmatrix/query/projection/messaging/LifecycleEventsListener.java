package io.docmatrix.query.projection.messaging;

import io.docmatrix.contracts.Topics;
import io.docmatrix.contracts.document.DocumentLifecycleEvent;
import io.docmatrix.query.projection.DocumentProjection;
import io.docmatrix.runtime.messaging.InboundEvents;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Document lifecycle events (received, progress, indexed, failed, deleted) into the projection. */
@Component
class LifecycleEventsListener {

    private final DocumentProjection projection;

    LifecycleEventsListener(DocumentProjection projection) {
        this.projection = projection;
    }

    @KafkaListener(topics = Topics.DOCUMENTS_LIFECYCLE)
    void on(ConsumerRecord<String, byte[]> record) {
        projection.apply(InboundEvents.decode(record, DocumentLifecycleEvent.class));
    }
}
