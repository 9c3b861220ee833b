package io.docmatrix.analysis.pipeline;

import io.docmatrix.analysis.document.DocumentForAnalysis;
import io.docmatrix.contracts.chunk.ChunkEmbedded;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The staged document versions and their chunks; every call is confined to one tenant. */
public interface StagingRepository {

    boolean isDeleted(UUID tenantId, UUID documentId);

    /**
     * Creates the version's row if needed and locks it until the transaction ends, so the chunk and lifecycle
     * listeners, which run concurrently, never both miss (or both see) the moment the version becomes complete.
     *
     * <p>The version's first event decides, from the tenant's settings, whether it is staged and analysed at all.
     */
    VersionLock lockVersion(UUID tenantId, UUID documentId, int version);

    /** What the locked version's row says about the event at hand. */
    enum VersionLock {
        /** Stage the event: the version will be analysed. */
        STAGE,
        /** The version was first seen while the tenant's automatic analysis was off: ignore the event. */
        SKIP,
        /** The document id belongs to another tenant. */
        FOREIGN
    }

    void describe(
            UUID tenantId,
            UUID documentId,
            int version,
            @Nullable String title,
            @Nullable String filename,
            @Nullable String contentType);

    void expectChunks(UUID tenantId, UUID documentId, int version, int chunkCount);

    /** Stores the chunk; a chunk already staged (same ordinal) is left as it is. */
    void stage(ChunkEmbedded chunk);

    /** Marks a waiting version QUEUED if all its announced chunks are staged; true only for the call that did. */
    boolean markQueuedIfComplete(UUID tenantId, UUID documentId, int version);

    /** Remembers that a chunk record keyed by this document could not be read. */
    void recordUnreadable(UUID documentId, String reason);

    /**
     * Marks INCOMPLETE the versions still waiting, with their chunk count known, of documents that had an unreadable
     * chunk record since the version was first seen, and returns them.
     */
    List<VersionRef> giveUpUnreadable();

    /** Marks versions waiting longer than {@code timeout} INCOMPLETE and returns them. */
    List<VersionRef> giveUpWaiting(Duration timeout);

    Optional<DocumentForAnalysis> load(UUID tenantId, UUID documentId, int version);

    /** The newest version of the document whose chunks are complete. */
    OptionalInt latestCompleteVersion(UUID tenantId, UUID documentId);

    /** The newest version of the document known to the tenant, complete or not. */
    OptionalInt latestVersion(UUID tenantId, UUID documentId);

    /** Whether the version is known (staging or complete). */
    Optional<String> state(UUID tenantId, UUID documentId, int version);

    /** Removes every version and chunk of the document and remembers it as deleted. */
    void purge(UUID tenantId, UUID documentId);
}
