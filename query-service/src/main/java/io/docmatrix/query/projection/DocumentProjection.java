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
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
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
        stage(List.of(chunk));
    }

    /**
     * Applies a batch of chunk events (one poll of the chunk topic) in one transaction: one multi-row processed-event
     * mark, one multi-row chunk upsert, then the activation check of each version touched. The effect is that of
     * applying the events one by one in order; an event listed twice or applied before changes nothing.
     */
    @Transactional
    public void applyChunks(List<ChunkEmbedded> chunks) {
        stage(chunks);
    }

    /** Applies a batch of lifecycle events in one transaction, each as {@link #apply(DocumentLifecycleEvent)} would. */
    @Transactional
    public void applyLifecycle(List<DocumentLifecycleEvent> batch) {
        batch.forEach(this::applyLifecycleEvent);
    }

    @Transactional
    public void apply(DocumentLifecycleEvent event) {
        applyLifecycleEvent(event);
    }

    private void stage(List<ChunkEmbedded> chunks) {
        Map<UUID, ChunkEmbedded> byEventId = new LinkedHashMap<>();
        chunks.forEach(chunk -> byEventId.putIfAbsent(chunk.eventId(), chunk));
        Set<UUID> first = processed.markAllIfFirst(CONSUMER, byEventId.keySet());
        Map<UUID, List<ChunkEmbedded>> byTenant = new LinkedHashMap<>();
        for (ChunkEmbedded chunk : byEventId.values()) {
            if (first.contains(chunk.eventId())) {
                byTenant.computeIfAbsent(chunk.tenantId(), t -> new ArrayList<>())
                        .add(chunk);
            }
        }
        byTenant.forEach(this::stage);
    }

    /** The fresh chunk events of one tenant: the transaction is bound to it while they are written. */
    private void stage(UUID tenantId, List<ChunkEmbedded> chunks) {
        store.enterTenant(tenantId);
        Set<UUID> documentIds = new HashSet<>();
        chunks.forEach(chunk -> documentIds.add(chunk.documentId()));
        Set<UUID> deleted = store.deletedAmong(documentIds);
        Map<UUID, Integer> active = store.activeVersions(documentIds);
        // Keyed by chunk id, the later event winning: what upserting them one after the other would leave.
        Map<UUID, ReadStore.StagedChunk> staged = new LinkedHashMap<>();
        // Sorted: versions are locked and activated in one order, oldest first, as sequential delivery would.
        SortedMap<DocumentVersion, Boolean> versions = new TreeMap<>();
        for (ChunkEmbedded chunk : chunks) {
            Integer activeVersion = active.get(chunk.documentId());
            if (deleted.contains(chunk.documentId()) || (activeVersion != null && chunk.version() < activeVersion)) {
                continue; // deleted, or a stale version whose successor is already searchable
            }
            staged.remove(chunk.chunkId());
            staged.put(chunk.chunkId(), new ReadStore.StagedChunk(chunk, storableVector(chunk)));
            // Re-indexing the searchable version (same chunk ids) changes searchable text in place.
            versions.merge(
                    new DocumentVersion(chunk.documentId(), chunk.version()),
                    activeVersion != null && chunk.version() == activeVersion,
                    Boolean::logicalOr);
        }
        if (staged.isEmpty()) {
            return;
        }
        store.stageChunks(new ArrayList<>(staged.values()));
        Set<UUID> changed = new LinkedHashSet<>();
        versions.forEach((v, reindexed) -> {
            if (store.activateIfComplete(tenantId, v.documentId(), v.version()) || reindexed) {
                changed.add(v.documentId());
            }
        });
        changed.forEach(documentId -> events.publishEvent(new CorpusChanged(tenantId, documentId)));
    }

    private static float @Nullable [] storableVector(ChunkEmbedded chunk) {
        if (chunk.embedding().dimension() == VECTOR_DIMENSION) {
            return chunk.embedding().values();
        }
        log.warn(
                "Chunk {} of document {} has a {}-dimensional vector ({}); the store holds {}: kept for text search only",
                chunk.chunkId(),
                chunk.documentId(),
                chunk.embedding().dimension(),
                chunk.embedding().model(),
                VECTOR_DIMENSION);
        return null;
    }

    private record DocumentVersion(UUID documentId, int version) implements Comparable<DocumentVersion> {
        @Override
        public int compareTo(DocumentVersion other) {
            int byDocument = documentId.compareTo(other.documentId);
            return byDocument != 0 ? byDocument : Integer.compare(version, other.version);
        }
    }

    private void applyLifecycleEvent(DocumentLifecycleEvent event) {
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
