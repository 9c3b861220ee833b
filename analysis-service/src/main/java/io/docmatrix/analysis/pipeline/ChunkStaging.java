package io.docmatrix.analysis.pipeline;

import io.docmatrix.contracts.chunk.ChunkEmbedded;
import io.docmatrix.contracts.document.DocumentDeleted;
import io.docmatrix.contracts.document.DocumentIndexed;
import io.docmatrix.contracts.document.DocumentReceived;
import io.docmatrix.runtime.messaging.ProcessedEvents;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies chunk and lifecycle events to the staging tables, each in one transaction with its processed-event mark, so
 * a redelivered event changes nothing. A version is queued for analysis exactly once, by whichever event completes
 * it: the last chunk or DocumentIndexed, in either order.
 */
@Service
public class ChunkStaging {

    static final String CONSUMER = "analysis-service";
    private static final Logger log = LoggerFactory.getLogger(ChunkStaging.class);

    private final StagingRepository staging;
    private final AnalysisRepository analyses;
    private final ProcessedEvents processed;

    public ChunkStaging(StagingRepository staging, AnalysisRepository analyses, ProcessedEvents processed) {
        this.staging = staging;
        this.analyses = analyses;
        this.processed = processed;
    }

    @Transactional
    public void chunk(ChunkEmbedded chunk) {
        if (!first(chunk.eventId()) || !open(chunk.tenantId(), chunk.documentId(), chunk.version())) {
            return;
        }
        staging.stage(chunk);
        queueIfComplete(chunk.tenantId(), chunk.documentId(), chunk.version());
    }

    @Transactional
    public void received(DocumentReceived received) {
        if (!first(received.eventId()) || !open(received.tenantId(), received.documentId(), received.version())) {
            return;
        }
        staging.describe(
                received.tenantId(),
                received.documentId(),
                received.version(),
                received.metadata().title(),
                received.filename(),
                received.contentType());
    }

    @Transactional
    public void indexed(DocumentIndexed indexed) {
        if (!first(indexed.eventId()) || !open(indexed.tenantId(), indexed.documentId(), indexed.version())) {
            return;
        }
        staging.expectChunks(indexed.tenantId(), indexed.documentId(), indexed.version(), indexed.chunkCount());
        queueIfComplete(indexed.tenantId(), indexed.documentId(), indexed.version());
    }

    @Transactional
    public void deleted(DocumentDeleted deleted) {
        if (!first(deleted.eventId())) {
            return;
        }
        analyses.purge(deleted.tenantId(), deleted.documentId());
        staging.purge(deleted.tenantId(), deleted.documentId());
        log.info("Purged analyses and chunks of deleted document {}", deleted.documentId());
    }

    /**
     * A chunk record keyed by this document could not be decoded (it goes to the dead-letter topic): remembered in a
     * transaction of its own, so the sweep can fail the waiting version now instead of after the chunk timeout.
     */
    @Transactional
    public void unreadable(UUID documentId, String reason) {
        staging.recordUnreadable(documentId, reason);
    }

    private boolean first(UUID eventId) {
        return processed.markIfFirst(CONSUMER, eventId);
    }

    /**
     * False for a deleted document (a late event must not bring it back), a document id of another tenant, or a
     * version first seen while the tenant's automatic analysis was off (its events are marked processed and dropped).
     */
    private boolean open(UUID tenantId, UUID documentId, int version) {
        if (staging.isDeleted(tenantId, documentId)) {
            return false;
        }
        return switch (staging.lockVersion(tenantId, documentId, version)) {
            case STAGE -> true;
            case SKIP -> false;
            case FOREIGN -> {
                log.warn("Ignoring an event of document {} under another tenant than its first one", documentId);
                yield false;
            }
        };
    }

    private void queueIfComplete(UUID tenantId, UUID documentId, int version) {
        if (staging.markQueuedIfComplete(tenantId, documentId, version)) {
            analyses.enqueue(tenantId, documentId, version, "INDEXED", null, null);
        }
    }
}
