package io.docmatrix.ingestion.document.messaging;

import io.docmatrix.contracts.EventHeaders;
import io.docmatrix.contracts.Topics;
import io.docmatrix.contracts.upload.DocumentUploaded;
import io.docmatrix.contracts.upload.UploadEvent;
import io.docmatrix.ingestion.document.DocumentIntake;
import io.docmatrix.runtime.messaging.InboundEvents;
import io.docmatrix.runtime.observability.TraceContinuation;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
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
    private final TraceContinuation traces;

    UploadEventsListener(DocumentIntake intake, TraceContinuation traces) {
        this.intake = intake;
        this.traces = traces;
    }

    @KafkaListener(topics = Topics.DOCUMENTS_UPLOADS)
    void on(ConsumerRecord<String, byte[]> record) {
        UploadEvent event = InboundEvents.decode(record, UploadEvent.class);
        if (event instanceof DocumentUploaded uploaded) {
            // The workers process the document later on their own threads: its trace travels with the queued row. The
            // receive itself runs in the trace too, so the DocumentReceived event carries it even without a tracer.
            Header header = record.headers().lastHeader(EventHeaders.TRACEPARENT);
            String traceparent =
                    traces.capture(header == null ? null : new String(header.value(), StandardCharsets.UTF_8));
            traces.resume(traceparent, "ingestion.receive", () -> intake.receive(uploaded, traceparent));
        }
    }
}
