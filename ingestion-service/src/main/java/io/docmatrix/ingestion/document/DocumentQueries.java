package io.docmatrix.ingestion.document;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Reads of documents and chunks, always within one tenant: every method takes the tenant and the implementation puts
 * it in the SQL, so an id from another tenant simply is not found.
 */
public interface DocumentQueries {

    /** The latest version of a document. */
    Optional<DocumentVersion> latest(UUID tenantId, UUID documentId);

    /** Every version of a document, newest first; empty when the document is not the tenant's. */
    List<DocumentVersion> versions(UUID tenantId, UUID documentId);

    /** Latest versions, newest upload first, optionally of one status, {@code limit} at a time. */
    Page<DocumentVersion> list(UUID tenantId, @Nullable DocumentStatus status, int limit, @Nullable String cursor);

    /** Chunks of one version in reading order. */
    Page<StoredChunk> chunks(UUID tenantId, UUID documentId, int version, int limit, @Nullable String cursor);

    Optional<StoredChunk> chunk(UUID tenantId, UUID documentId, UUID chunkId);

    /**
     * Operational counts across all tenants (no document content): versions per status, and how many have been in a
     * non-final state for longer than {@code stuckAfter}.
     */
    InFlight inFlight(java.time.Duration stuckAfter);

    /** Counts for the ingestion metrics. */
    record InFlight(long received, long parsing, long embedding, long stuck) {}
}
