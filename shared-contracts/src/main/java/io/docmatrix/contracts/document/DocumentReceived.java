package io.docmatrix.contracts.document;

import io.docmatrix.contracts.upload.DocumentMetadata;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Ingestion accepted an upload and will process this document version. It repeats what read models need from the
 * upload, so they never read {@code documents.uploads.v1}. The first lifecycle event of every version.
 *
 * @param eventId unique id of this event, for de-duplication
 * @param occurredAt when ingestion accepted the upload (UTC)
 * @param documentId the document; the Kafka key
 * @param tenantId the tenant that owns the document
 * @param version the document version received, starting at 1
 * @param filename the file name the client sent, without any path
 * @param contentType the media type of the bytes, e.g. {@code application/pdf}
 * @param sizeBytes size of the stored bytes, in bytes
 * @param uploadedBy the authenticated principal that uploaded: a user name, or the prefix of the API key used
 * @param metadata what the uploader said about the document
 */
public record DocumentReceived(
        UUID eventId,
        Instant occurredAt,
        UUID documentId,
        UUID tenantId,
        int version,
        String filename,
        String contentType,
        long sizeBytes,
        String uploadedBy,
        DocumentMetadata metadata)
        implements DocumentLifecycleEvent {

    public DocumentReceived {
        Objects.requireNonNull(eventId, "eventId must not be null");
        Objects.requireNonNull(occurredAt, "occurredAt must not be null");
        Objects.requireNonNull(documentId, "documentId must not be null");
        Objects.requireNonNull(tenantId, "tenantId must not be null");
        if (version < 1) {
            throw new IllegalArgumentException("version must be at least 1 but was " + version);
        }
        Objects.requireNonNull(filename, "filename must not be null");
        Objects.requireNonNull(contentType, "contentType must not be null");
        if (sizeBytes < 0) {
            throw new IllegalArgumentException("sizeBytes must not be negative but was " + sizeBytes);
        }
        Objects.requireNonNull(uploadedBy, "uploadedBy must not be null");
        Objects.requireNonNull(metadata, "metadata must not be null");
    }
}
