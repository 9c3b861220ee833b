package io.docmatrix.gateway.upload;

import io.docmatrix.contracts.upload.BlobReference;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The intake's records, always within one tenant. Callers hold the locks they need for the duration of a transaction. */
public interface UploadRepository {

    /** Serialises concurrent uploads that could collide on the same key (hash, external id, file name, idempotency key). */
    void lock(UUID tenantId, String key);

    Optional<UploadResult> idempotentAnswer(UUID tenantId, String key, String sha256);

    /** The sha256 an idempotency key was first used with, when it was. */
    Optional<String> idempotencyKeyHash(UUID tenantId, String key);

    void rememberIdempotencyKey(UUID tenantId, String key, String sha256, UploadResult result);

    /** The latest version of a document of this tenant with these bytes. */
    Optional<UploadResult> findByHash(UUID tenantId, String sha256);

    /** The logical document a new upload continues: same external id, or same file name when neither has one. */
    Optional<LatestVersion> findLogicalDocument(UUID tenantId, @Nullable String externalId, String filename);

    void insert(NewUpload upload);

    /** Forgets a deleted document, so its bytes are no longer duplicates. */
    void forget(UUID tenantId, UUID documentId);

    record LatestVersion(UUID documentId, int version) {}

    record NewUpload(
            UUID documentId,
            int version,
            UUID tenantId,
            String sha256,
            long sizeBytes,
            String contentType,
            String filename,
            @Nullable String externalId,
            BlobReference blob,
            String uploadedBy) {}
}
