package io.docmatrix.query.projection;

import io.docmatrix.contracts.analysis.AnalysisCompleted;
import io.docmatrix.contracts.analysis.AnalysisEvent;
import io.docmatrix.contracts.chunk.ChunkEmbedded;
import io.docmatrix.contracts.document.DocumentDeleted;
import io.docmatrix.contracts.document.DocumentFailed;
import io.docmatrix.contracts.document.DocumentIndexed;
import io.docmatrix.contracts.document.DocumentLifecycleEvent;
import io.docmatrix.contracts.document.DocumentParsed;
import io.docmatrix.contracts.document.DocumentParsingStarted;
import io.docmatrix.contracts.document.DocumentReceived;
import io.docmatrix.query.retrieval.CorpusChanged;
import io.docmatrix.runtime.messaging.ProcessedEvents;
import java.util.OptionalInt;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies document, chunk and analysis events to the read store, each in one transaction with its processed-event
 * mark, so a redelivered event changes nothing.
 *
 * <p>Chunks and DocumentIndexed travel on different topics with no order between them. Chunks are therefore staged
 * per (document, version) and the version is activated, in one transaction, by whichever event completes it: the last
 * chunk or DocumentIndexed with the count. Both paths lock the version row first, so the two can never each miss the
 * other's uncommitted half. A version older than the active one is ignored, which makes a replay from the start of
 * the topics converge on the same store.
 */
@Service
public class DocumentProjection {

    /** The consumer name of the processed-event marks: the service, which is also the consumer group. */
    static final String CONSUMER = "query-service";

    /** The dimension of the vector column (migration V2); vectors of other models' dimensions are not stored. */
    static final int VECTOR_DIMENSION = 384;

    private static final Logger log = LoggerFactory.getLogger(DocumentProjection.class);

    private final ReadStore store;
    private final ProcessedEvents processed;
    private final ApplicationEventPublisher events;

    DocumentProjection(ReadStore store, ProcessedEvents processed, ApplicationEventPublisher events) {
        this.store = store;
        this.processed = processed;
        this.events = events;
    }

    @Transactional
    public void apply(ChunkEmbedded chunk) {
        if (!processed.markIfFirst(CONSUMER, chunk.eventId())) {
            return;
        }
        store.enterTenant(chunk.tenantId());
        if (store.isDeleted(chunk.documentId())) {
            return;
        }
        OptionalInt active = store.activeVersion(chunk.documentId());
        if (active.isPresent() && chunk.version() < active.getAsInt()) {
            return; // a stale version: its successor is already searchable
        }
        float[] vector = null;
        if (chunk.embedding().dimension() == VECTOR_DIMENSION) {
            vector = chunk.embedding().values();
        } else {
            log.warn(
                    "Chunk {} of document {} has a {}-dimensional vector ({}); the store holds {}: kept for text search only",
                    chunk.chunkId(),
                    chunk.documentId(),
                    chunk.embedding().dimension(),
                    chunk.embedding().model(),
                    VECTOR_DIMENSION);
        }
        store.stageChunk(chunk, vector);
        boolean activated = store.activateIfComplete(chunk.tenantId(), chunk.documentId(), chunk.version());
        // Re-indexing the searchable version (same chunk ids) changes searchable text in place.
        boolean reindexed = active.isPresent() && chunk.version() == active.getAsInt();
        if (activated || reindexed) {
            events.publishEvent(new CorpusChanged(chunk.tenantId(), chunk.documentId()));
        }
    }

    @Transactional
    public void apply(DocumentLifecycleEvent event) {
        if (!processed.markIfFirst(CONSUMER, event.eventId())) {
            return;
        }
        store.enterTenant(event.tenantId());
        if (store.isDeleted(event.documentId())) {
            return;
        }
        // if/else rather than a pattern switch: Java 17. Every permitted type of the sealed stream is handled.
        if (event instanceof DocumentReceived received) {
            store.recordReceived(received);
        } else if (event instanceof DocumentParsingStarted || event instanceof DocumentParsed) {
            store.recordStatus(event.tenantId(), event.documentId(), event.version(), "PROCESSING");
        } else if (event instanceof DocumentIndexed indexed) {
            store.expectChunks(indexed);
            activateIfComplete(indexed.tenantId(), indexed.documentId(), indexed.version());
        } else if (event instanceof DocumentFailed failed) {
            store.recordFailed(failed);
        } else if (event instanceof DocumentDeleted deleted) {
            store.purge(deleted.tenantId(), deleted.documentId(), deleted.occurredAt());
            events.publishEvent(new CorpusChanged(deleted.tenantId(), deleted.documentId()));
        }
    }

    @Transactional
    public void apply(AnalysisEvent event) {
        if (!processed.markIfFirst(CONSUMER, event.eventId())) {
            return;
        }
        store.enterTenant(event.tenantId());
        if (store.isDeleted(event.documentId())) {
            return;
        }
        // AnalysisFailed leaves nothing to show: the previous result, if any, stays.
        if (event instanceof AnalysisCompleted completed) {
            store.recordAnalysis(completed);
        }
    }

    private void activateIfComplete(UUID tenantId, UUID documentId, int version) {
        if (store.activateIfComplete(tenantId, documentId, version)) {
            events.publishEvent(new CorpusChanged(tenantId, documentId));
        }
    }
}
