package io.docmatrix.contracts.document;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A document was deleted with all its versions. Every read model purges everything it holds about the document:
 * metadata, chunks, embeddings and analyses of every version. Events about the document that arrive later (a redelivery,
 * a slower topic) must not bring it back.
 *
 * @param eventId unique id of this event, for de-duplication
 * @param occurredAt when the document was deleted (UTC)
 * @param documentId the deleted document; the Kafka key
 * @param tenantId the tenant that owned the document
 * @param version the latest version at deletion; the deletion covers every version
 * @param deletedBy the principal that deleted the document, or null when the platform deleted it (retention)
 */
public record DocumentDeleted(
        UUID eventId, Instant occurredAt, UUID documentId, UUID tenantId, int version, @Nullable String deletedBy)
        implements DocumentLifecycleEvent {

    public DocumentDeleted {
        Objects.requireNonNull(eventId, "eventId must not be null");
        Objects.requireNonNull(occurredAt, "occurredAt must not be null");
        Objects.requireNonNull(documentId, "documentId must not be null");
        Objects.requireNonNull(tenantId, "tenantId must not be null");
        if (version < 1) {
            throw new IllegalArgumentException("version must be at least 1 but was " + version);
        }
    }
}
