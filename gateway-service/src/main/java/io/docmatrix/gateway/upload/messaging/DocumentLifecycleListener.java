package io.docmatrix.gateway.upload.messaging;

import io.docmatrix.contracts.Topics;
import io.docmatrix.contracts.document.DocumentDeleted;
import io.docmatrix.contracts.document.DocumentLifecycleEvent;
import io.docmatrix.gateway.upload.UploadIntake;
import io.docmatrix.runtime.messaging.InboundEvents;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Hands document deletions to the intake; every other lifecycle event is none of the gateway's business. */
@Component
class DocumentLifecycleListener {

    private final UploadIntake intake;

    DocumentLifecycleListener(UploadIntake intake) {
        this.intake = intake;
    }

    @KafkaListener(topics = Topics.DOCUMENTS_LIFECYCLE)
    void on(ConsumerRecord<String, byte[]> record) {
        DocumentLifecycleEvent event = InboundEvents.decode(record, DocumentLifecycleEvent.class);
        if (event instanceof DocumentDeleted deleted) {
            intake.forget(deleted);
        }
    }
}
