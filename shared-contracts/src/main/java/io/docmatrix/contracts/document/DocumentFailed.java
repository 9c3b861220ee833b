package io.docmatrix.contracts.document;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Ingestion gave up on a document version; it will not become READY unless uploaded again. Written only for failures
 * that retrying cannot fix (an encrypted PDF, an unsupported format) or after retries ran out.
 *
 * @param eventId unique id of this event, for de-duplication
 * @param occurredAt when ingestion gave up (UTC)
 * @param documentId the document; the Kafka key
 * @param tenantId the tenant that owns the document
 * @param version the document version that failed, starting at 1
 * @param errorCode a stable, machine-readable reason in upper snake case, e.g. {@code ENCRYPTED_DOCUMENT}, {@code
 *     UNSUPPORTED_FORMAT}, {@code EMBEDDING_UNAVAILABLE}; an open set, so readers treat unknown codes as a generic
 *     failure
 * @param detail a human-readable explanation safe to show to the uploader (no stack traces, no internal host names)
 * @param stage the processing stage that failed, e.g. {@code PARSING}, {@code CHUNKING}, {@code EMBEDDING}, {@code
 *     INDEXING}; an open set like the error code
 */
public record DocumentFailed(
        UUID eventId,
        Instant occurredAt,
        UUID documentId,
        UUID tenantId,
        int version,
        String errorCode,
        String detail,
        String stage)
        implements DocumentLifecycleEvent {

    public DocumentFailed {
        Objects.requireNonNull(eventId, "eventId must not be null");
        Objects.requireNonNull(occurredAt, "occurredAt must not be null");
        Objects.requireNonNull(documentId, "documentId must not be null");
        Objects.requireNonNull(tenantId, "tenantId must not be null");
        if (version < 1) {
            throw new IllegalArgumentException("version must be at least 1 but was " + version);
        }
        Objects.requireNonNull(errorCode, "errorCode must not be null");
        Objects.requireNonNull(detail, "detail must not be null");
        Objects.requireNonNull(stage, "stage must not be null");
    }
}
