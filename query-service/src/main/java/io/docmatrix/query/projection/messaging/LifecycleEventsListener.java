package io.docmatrix.query.projection.messaging;

import io.docmatrix.contracts.Topics;
import io.docmatrix.contracts.document.DocumentLifecycleEvent;
import io.docmatrix.query.projection.DocumentProjection;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Document lifecycle events (received, progress, indexed, failed, deleted) into the projection, a whole poll per
 * transaction; failing records are dead-lettered one by one ({@link EventBatches}).
 */
@Component
class LifecycleEventsListener {

    private final DocumentProjection projection;

    LifecycleEventsListener(DocumentProjection projection) {
        this.projection = projection;
    }

    @KafkaListener(topics = Topics.DOCUMENTS_LIFECYCLE, batch = "true")
    void on(List<ConsumerRecord<String, byte[]>> records) {
        EventBatches.apply(records, DocumentLifecycleEvent.class, projection::applyLifecycle, projection::apply);
    }
}
