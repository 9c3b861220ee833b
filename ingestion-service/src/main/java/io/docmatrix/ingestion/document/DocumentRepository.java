package io.docmatrix.ingestion.document;

import io.docmatrix.contracts.upload.BlobReference;
import io.docmatrix.contracts.upload.DocumentUploaded;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The writes of the document lifecycle. Each method is one step of the state machine and checks the state it expects
 * in its WHERE clause, so a step applied twice (a redelivery, a worker whose lease was taken over) changes nothing.
 */
public interface DocumentRepository {

    /**
     * Records a new upload as RECEIVED with the trace context to resume when it is processed; false when this version
     * is already known (a redelivered event).
     */
    boolean receive(DocumentUploaded upload, @Nullable String traceparent);

    /** Claims the oldest RECEIVED version for {@code owner} under a lease and marks it PARSING. */
    Optional<ClaimedDocument> claimNext(String owner, Duration lease);

    /** Extends the lease of a version this worker still holds; false when it was lost. */
    boolean renewLease(UUID id, int version, String owner, Duration lease);

    /** PARSING to EMBEDDING with the extracted text; false when the lease was lost. */
    boolean parsed(UUID id, int version, String owner, ExtractedText text, int pageCount);

    /** EMBEDDING to READY with its chunks, replacing any earlier chunk set of this version; false when the lease was lost. */
    boolean indexed(UUID id, int version, String owner, List<NewChunk> chunks, String model, int dimension);

    /** Any non-final state to FAILED with a stable code; false when the lease was lost. */
    boolean failed(UUID id, int version, String owner, String code, String detail);

    /** In-flight versions whose lease expired: back to RECEIVED while attempts remain, else FAILED. */
    List<LeaseExpiry> expireLeases(int maxAttempts);

    /** READY or FAILED versions of a document back to RECEIVED (latest version only); false when not found or busy. */
    boolean requeue(UUID tenantId, UUID id);

    /** Deletes every version of a document; empty when the document is not the tenant's. */
    Optional<DeletedDocument> delete(UUID tenantId, UUID id);

    /** What a deletion removed: the latest version it had and the blobs its versions referenced. */
    record DeletedDocument(int latestVersion, List<BlobReference> blobs) {}

    /** What the lease sweep did to one version. */
    record LeaseExpiry(UUID id, int version, UUID tenantId, boolean failed, int attempts) {}
}
