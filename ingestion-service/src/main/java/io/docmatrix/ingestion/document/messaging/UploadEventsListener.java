package io.docmatrix.ingestion.document.messaging;

import io.docmatrix.contracts.Topics;
import io.docmatrix.contracts.upload.DocumentUploaded;
import io.docmatrix.contracts.upload.UploadEvent;
import io.docmatrix.ingestion.document.DocumentIntake;
import io.docmatrix.runtime.messaging.InboundEvents;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Turns upload events into intake calls. Receiving is quick (one insert), so the partition never waits on parsing;
 * workers pick the documents up from the database. Undecodable records go to the dead-letter topic via the shared
 * error handler.
 */
@Component
class UploadEventsListener {

    private final DocumentIntake intake;

    UploadEventsListener(DocumentIntake intake) {
        this.intake = intake;
    }

    @KafkaListener(topics = Topics.DOCUMENTS_UPLOADS)
    void on(ConsumerRecord<String, byte[]> record) {
        UploadEvent event = InboundEvents.decode(record, UploadEvent.class);
        if (event instanceof DocumentUploaded uploaded) {
            intake.receive(uploaded);
        }
    }
}
