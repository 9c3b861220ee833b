package io.docmatrix.contracts.upload;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A client uploaded a document, or a new version of one, and the gateway stored its bytes; ingestion takes it from
 * here. Written once per accepted upload by {@code gateway-service}.
 *
 * @param eventId unique id of this event, for de-duplication
 * @param occurredAt when the gateway finished storing the bytes (UTC)
 * @param documentId the document, stable across versions; the Kafka key
 * @param tenantId the tenant that owns the document
 * @param version the document version this upload creates, 1 for a new document
 * @param uploadedBy the authenticated principal that uploaded: a user name, or the prefix of the API key used
 * @param filename the file name the client sent, without any path
 * @param contentType the media type of the bytes, e.g. {@code application/pdf}
 * @param sizeBytes size of the stored bytes, in bytes
 * @param sha256 SHA-256 digest of the stored bytes as 64 lower-case hex characters
 * @param blob where the bytes are stored
 * @param metadata what the uploader said about the document
 */
public record DocumentUploaded(
        UUID eventId,
        Instant occurredAt,
        UUID documentId,
        UUID tenantId,
        int version,
        String uploadedBy,
        String filename,
        String contentType,
        long sizeBytes,
        String sha256,
        BlobReference blob,
        DocumentMetadata metadata)
        implements UploadEvent {

    private static final Pattern SHA_256_HEX = Pattern.compile("[0-9a-f]{64}");

    public DocumentUploaded {
        Objects.requireNonNull(eventId, "eventId must not be null");
        Objects.requireNonNull(occurredAt, "occurredAt must not be null");
        Objects.requireNonNull(documentId, "documentId must not be null");
        Objects.requireNonNull(tenantId, "tenantId must not be null");
        if (version < 1) {
            throw new IllegalArgumentException("version must be at least 1 but was " + version);
        }
        Objects.requireNonNull(uploadedBy, "uploadedBy must not be null");
        Objects.requireNonNull(filename, "filename must not be null");
        Objects.requireNonNull(contentType, "contentType must not be null");
        if (sizeBytes < 0) {
            throw new IllegalArgumentException("sizeBytes must not be negative but was " + sizeBytes);
        }
        Objects.requireNonNull(sha256, "sha256 must not be null");
        if (!SHA_256_HEX.matcher(sha256).matches()) {
            throw new IllegalArgumentException("sha256 must be 64 lower-case hex characters but was '" + sha256 + "'");
        }
        Objects.requireNonNull(blob, "blob must not be null");
        Objects.requireNonNull(metadata, "metadata must not be null");
    }
}
