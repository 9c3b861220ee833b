package io.docmatrix.query.projection;

import io.docmatrix.contracts.analysis.AnalysisCompleted;
import io.docmatrix.contracts.chunk.ChunkEmbedded;
import io.docmatrix.contracts.document.DocumentFailed;
import io.docmatrix.contracts.document.DocumentIndexed;
import io.docmatrix.contracts.document.DocumentReceived;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The read store as the projections write it. Every method runs in the caller's transaction, after {@link
 * #enterTenant}, and sees and writes only that tenant's rows.
 */
public interface ReadStore {

    /** Binds the current transaction to the tenant the event belongs to. */
    void enterTenant(UUID tenantId);

    boolean isDeleted(UUID documentId);

    /** The documents among these that were deleted. */
    Set<UUID> deletedAmong(Collection<UUID> documentIds);

    /** The active (searchable) version of each of these documents that has one. */
    Map<UUID, Integer> activeVersions(Collection<UUID> documentIds);

    void recordReceived(DocumentReceived received);

    /** Status of a version (and of its document while it is the newest version). */
    void recordStatus(UUID tenantId, UUID documentId, int version, String status);

    void recordFailed(DocumentFailed failed);

    /**
     * Upserts the chunks by their ids (distinct within the call) and counts the new ones towards their versions. Every
     * version touched has its row locked afterwards, new chunks or not (see {@link DocumentProjection}).
     */
    void stageChunks(List<StagedChunk> chunks);

    /**
     * A chunk to stage.
     *
     * @param vector the vector to store, or null when its dimension does not fit the column
     */
    record StagedChunk(ChunkEmbedded chunk, float @Nullable [] vector) {}

    void expectChunks(DocumentIndexed indexed);

    /**
     * Makes the version the document's searchable one if all its chunks are staged and no newer version is active,
     * dropping the chunks of older versions in the same transaction.
     *
     * @return true if the version became (or, re-indexed, stayed) the active one
     */
    boolean activateIfComplete(UUID tenantId, UUID documentId, int version);

    /** Removes everything about the document and remembers the deletion. */
    void purge(UUID tenantId, UUID documentId, Instant deletedAt);

    void recordAnalysis(AnalysisCompleted analysis);
}
