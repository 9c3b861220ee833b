package io.docmatrix.ingestion.document;

import io.docmatrix.contracts.chunk.ChunkEmbedded;
import io.docmatrix.contracts.chunk.Embedding;
import io.docmatrix.contracts.document.DocumentDeleted;
import io.docmatrix.contracts.document.DocumentFailed;
import io.docmatrix.contracts.document.DocumentIndexed;
import io.docmatrix.contracts.document.DocumentParsed;
import io.docmatrix.contracts.document.DocumentParsingStarted;
import io.docmatrix.contracts.document.DocumentReceived;
import io.docmatrix.contracts.upload.BlobReference;
import io.docmatrix.contracts.upload.DocumentUploaded;
import io.docmatrix.runtime.observability.TraceContinuation;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The document state machine: every transition and the event that announces it are written in one transaction. A
 * transition that does not apply (a redelivered upload, a worker whose lease expired and was taken over) changes
 * nothing and publishes nothing, which is what makes redelivery and crashes safe.
 */
@Service
public class DocumentLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DocumentLifecycle.class);

    private final DocumentRepository documents;
    private final DocumentEvents events;
    private final Clock clock;
    private final TraceContinuation traces;

    public DocumentLifecycle(
            DocumentRepository documents, DocumentEvents events, Clock clock, TraceContinuation traces) {
        this.documents = documents;
        this.events = events;
        this.clock = clock;
        this.traces = traces;
    }

    /**
     * Records an upload and the trace context its processing continues; false when this version was already received
     * (the event was redelivered).
     */
    @Transactional
    public boolean receive(DocumentUploaded upload, @Nullable String traceparent) {
        if (!documents.receive(upload, traceparent)) {
            return false;
        }
        events.publish(new DocumentReceived(
                UUID.randomUUID(),
                clock.instant(),
                upload.documentId(),
                upload.tenantId(),
                upload.version(),
                upload.filename(),
                upload.contentType(),
                upload.sizeBytes(),
                upload.uploadedBy(),
                upload.metadata()));
        return true;
    }

    @Transactional
    public Optional<ClaimedDocument> claimNext(String worker, Duration lease) {
        Optional<ClaimedDocument> claimed = documents.claimNext(worker, lease);
        // The claim is where the worker learns the upload's trace: its event continues that trace like the rest.
        claimed.ifPresent(d -> traces.resume(d.traceparent(), "ingestion.claim", () -> {
            events.publish(
                    new DocumentParsingStarted(UUID.randomUUID(), clock.instant(), d.id(), d.tenantId(), d.version()));
            return d;
        }));
        return claimed;
    }

    /** Keeps a long-running document's lease alive while its worker is still working on it. */
    @Transactional
    public boolean renewLease(ClaimedDocument document, String worker, Duration lease) {
        return documents.renewLease(document.id(), document.version(), worker, lease);
    }

    @Transactional
    public boolean parsed(ClaimedDocument document, String worker, ExtractedText text, int pageCount) {
        if (!documents.parsed(document.id(), document.version(), worker, text, pageCount)) {
            return false;
        }
        events.publish(new DocumentParsed(
                UUID.randomUUID(),
                clock.instant(),
                document.id(),
                document.tenantId(),
                document.version(),
                pageCount,
                text.text().length()));
        return true;
    }

    /** READY: stores the chunks and announces each of them, then the document with its chunk count, in one transaction. */
    @Transactional
    public boolean indexed(
            ClaimedDocument document,
            String worker,
            List<NewChunk> chunks,
            String model,
            int dimension,
            int pageCount) {
        if (!documents.indexed(document.id(), document.version(), worker, chunks, model, dimension)) {
            return false;
        }
        List<ChunkEmbedded> chunkEvents = new ArrayList<>(chunks.size());
        for (NewChunk chunk : chunks) {
            chunkEvents.add(new ChunkEmbedded(
                    UUID.randomUUID(),
                    clock.instant(),
                    document.id(),
                    document.tenantId(),
                    document.version(),
                    ChunkIds.of(document.id(), document.version(), chunk.ordinal()),
                    chunk.ordinal(),
                    chunk.text(),
                    chunk.page(),
                    chunk.pageEnd(),
                    chunk.start(),
                    chunk.end(),
                    chunk.headingPath(),
                    chunk.tokenCount(),
                    Embedding.of(model, chunk.vector())));
        }
        events.publishAll(chunkEvents);
        events.publish(new DocumentIndexed(
                UUID.randomUUID(),
                clock.instant(),
                document.id(),
                document.tenantId(),
                document.version(),
                chunks.size(),
                pageCount,
                model,
                dimension));
        return true;
    }

    @Transactional
    public boolean failed(ClaimedDocument document, String worker, String code, String detail, String stage) {
        if (!documents.failed(document.id(), document.version(), worker, code, detail)) {
            return false;
        }
        log.info(
                "Document {} version {} failed at {}: {} ({})", document.id(), document.version(), stage, code, detail);
        events.publish(new DocumentFailed(
                UUID.randomUUID(),
                clock.instant(),
                document.id(),
                document.tenantId(),
                document.version(),
                code,
                detail,
                stage));
        return true;
    }

    /** Returns versions whose worker vanished to the queue, or fails them after too many attempts. */
    @Transactional
    public List<DocumentRepository.LeaseExpiry> expireLeases(int maxAttempts) {
        List<DocumentRepository.LeaseExpiry> expired = documents.expireLeases(maxAttempts);
        for (DocumentRepository.LeaseExpiry expiry : expired) {
            if (expiry.failed()) {
                log.warn(
                        "Document {} version {} abandoned after {} attempts",
                        expiry.id(),
                        expiry.version(),
                        expiry.attempts());
                events.publish(new DocumentFailed(
                        UUID.randomUUID(),
                        clock.instant(),
                        expiry.id(),
                        expiry.tenantId(),
                        expiry.version(),
                        "PROCESSING_ABANDONED",
                        "Processing did not finish after " + expiry.attempts() + " attempts.",
                        "PROCESSING"));
            } else {
                log.warn(
                        "Document {} version {} lost its worker; queued again (attempt {} done)",
                        expiry.id(),
                        expiry.version(),
                        expiry.attempts());
            }
        }
        return expired;
    }

    @Transactional
    public boolean requeue(UUID tenantId, UUID documentId) {
        return documents.requeue(tenantId, documentId);
    }

    /** Deletes every version and announces it; returns the blobs to remove once the transaction committed. */
    @Transactional
    public Optional<List<BlobReference>> delete(UUID tenantId, UUID documentId, @Nullable String deletedBy) {
        Optional<DocumentRepository.DeletedDocument> deleted = documents.delete(tenantId, documentId);
        deleted.ifPresent(d -> events.publish(new DocumentDeleted(
                UUID.randomUUID(), clock.instant(), documentId, tenantId, d.latestVersion(), deletedBy)));
        return deleted.map(DocumentRepository.DeletedDocument::blobs);
    }
}
