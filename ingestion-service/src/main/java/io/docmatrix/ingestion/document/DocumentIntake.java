package io.docmatrix.ingestion.document;

import io.docmatrix.contracts.upload.DocumentUploaded;
import io.docmatrix.runtime.messaging.ProcessedEvents;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accepts upload events exactly once: the event id is recorded in the same transaction as the new document, so a
 * redelivered event (a relay restart, a consumer rebalance) is recognised and changes nothing.
 */
@Service
public class DocumentIntake {

    static final String CONSUMER = "ingestion-service.uploads";
    private static final Logger log = LoggerFactory.getLogger(DocumentIntake.class);

    private final ProcessedEvents processed;
    private final DocumentLifecycle lifecycle;

    public DocumentIntake(ProcessedEvents processed, DocumentLifecycle lifecycle) {
        this.processed = processed;
        this.lifecycle = lifecycle;
    }

    /** True when the upload was new and is now RECEIVED; its processing will not continue a trace. */
    @Transactional
    public boolean receive(DocumentUploaded upload) {
        return receive(upload, null);
    }

    /** True when the upload was new and is now RECEIVED; its processing continues the trace {@code traceparent}. */
    @Transactional
    public boolean receive(DocumentUploaded upload, @Nullable String traceparent) {
        if (!processed.markIfFirst(CONSUMER, upload.eventId())) {
            log.debug("Upload event {} was already processed", upload.eventId());
            return false;
        }
        return lifecycle.receive(upload, traceparent);
    }
}
