package io.docmatrix.ingestion.document;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One uploaded version of a document as ingestion knows it.
 *
 * @param sizeBytes size of the original file in bytes
 * @param pageCount pages found by the parser; null until parsed
 * @param chunkCount chunks stored; null until embedded
 * @param errorCode stable code when FAILED (e.g. {@code ENCRYPTED_DOCUMENT}); null otherwise
 */
public record DocumentVersion(
        UUID id,
        int version,
        UUID tenantId,
        DocumentStatus status,
        String filename,
        String contentType,
        long sizeBytes,
        String sha256,
        String uploadedBy,
        @Nullable String title,
        List<String> tags,
        @Nullable String collection,
        @Nullable String externalId,
        @Nullable Integer pageCount,
        @Nullable Integer chunkCount,
        @Nullable String errorCode,
        @Nullable String errorDetail,
        StageTimes times) {

    public DocumentVersion {
        tags = List.copyOf(tags);
    }

    /** When each stage began or ended; a stage not reached is null. */
    public record StageTimes(
            Instant receivedAt,
            @Nullable Instant parsingStartedAt,
            @Nullable Instant embeddingStartedAt,
            @Nullable Instant readyAt,
            @Nullable Instant failedAt) {}
}
