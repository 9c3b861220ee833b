package io.docmatrix.contracts.document;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Ingestion started extracting text from a document version; read models show it as processing.
 *
 * @param eventId unique id of this event, for de-duplication
 * @param occurredAt when parsing started (UTC)
 * @param documentId the document; the Kafka key
 * @param tenantId the tenant that owns the document
 * @param version the document version being parsed, starting at 1
 */
public record DocumentParsingStarted(UUID eventId, Instant occurredAt, UUID documentId, UUID tenantId, int version)
        implements DocumentLifecycleEvent {

    public DocumentParsingStarted {
        Objects.requireNonNull(eventId, "eventId must not be null");
        Objects.requireNonNull(occurredAt, "occurredAt must not be null");
        Objects.requireNonNull(documentId, "documentId must not be null");
        Objects.requireNonNull(tenantId, "tenantId must not be null");
        if (version < 1) {
            throw new IllegalArgumentException("version must be at least 1 but was " + version);
        }
    }
}
