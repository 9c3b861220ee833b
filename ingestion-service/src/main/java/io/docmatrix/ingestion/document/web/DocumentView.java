package io.docmatrix.ingestion.document.web;

import io.docmatrix.ingestion.document.DocumentStatus;
import io.docmatrix.ingestion.document.DocumentVersion;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The JSON shape of a document: its latest version in full and a summary of every version. */
record DocumentView(
        UUID id,
        int version,
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
        @Nullable ErrorView error,
        DocumentVersion.StageTimes timestamps,
        @Nullable List<VersionView> versions) {

    record ErrorView(String code, @Nullable String detail) {}

    record VersionView(int version, DocumentStatus status, String sha256, Instant receivedAt) {}

    static DocumentView of(DocumentVersion latest, @Nullable List<DocumentVersion> versions) {
        return new DocumentView(
                latest.id(),
                latest.version(),
                latest.status(),
                latest.filename(),
                latest.contentType(),
                latest.sizeBytes(),
                latest.sha256(),
                latest.uploadedBy(),
                latest.title(),
                latest.tags(),
                latest.collection(),
                latest.externalId(),
                latest.pageCount(),
                latest.chunkCount(),
                latest.errorCode() == null ? null : new ErrorView(latest.errorCode(), latest.errorDetail()),
                latest.times(),
                versions == null
                        ? null
                        : versions.stream()
                                .map(v -> new VersionView(
                                        v.version(),
                                        v.status(),
                                        v.sha256(),
                                        v.times().receivedAt()))
                                .toList());
    }
}
