package io.docmatrix.contracts.document;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Ingestion extracted the text of a document version; chunking and embedding follow.
 *
 * @param eventId unique id of this event, for de-duplication
 * @param occurredAt when parsing finished (UTC)
 * @param documentId the document; the Kafka key
 * @param tenantId the tenant that owns the document
 * @param version the document version parsed, starting at 1
 * @param pageCount number of pages found; 1 for formats without pages
 * @param characterCount length of the extracted text, in UTF-16 characters (the unit of chunk offsets)
 */
public record DocumentParsed(
        UUID eventId,
        Instant occurredAt,
        UUID documentId,
        UUID tenantId,
        int version,
        int pageCount,
        long characterCount)
        implements DocumentLifecycleEvent {

    public DocumentParsed {
        Objects.requireNonNull(eventId, "eventId must not be null");
        Objects.requireNonNull(occurredAt, "occurredAt must not be null");
        Objects.requireNonNull(documentId, "documentId must not be null");
        Objects.requireNonNull(tenantId, "tenantId must not be null");
        if (version < 1) {
            throw new IllegalArgumentException("version must be at least 1 but was " + version);
        }
        if (pageCount < 0) {
            throw new IllegalArgumentException("pageCount must not be negative but was " + pageCount);
        }
        if (characterCount < 0) {
            throw new IllegalArgumentException("characterCount must not be negative but was " + characterCount);
        }
    }
}
