package io.docmatrix.contracts.document;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A document version is fully chunked and embedded: it is READY for search and analysis. Its chunks travel on {@code
 * documents.chunks.v1}, a different topic with no ordering against this one, so a consumer that needs every chunk waits
 * until it holds {@link #chunkCount()} chunks of this version.
 *
 * @param eventId unique id of this event, for de-duplication
 * @param occurredAt when the last chunk was embedded (UTC)
 * @param documentId the document; the Kafka key
 * @param tenantId the tenant that owns the document
 * @param version the document version indexed, starting at 1
 * @param chunkCount number of {@code ChunkEmbedded} events written for this version (ordinals 0 to chunkCount - 1)
 * @param pageCount number of pages of the document version
 * @param embeddingModel the model every chunk of this version was embedded with, e.g. {@code bge-small-en-v1.5}
 * @param dimension the number of floats in each chunk's embedding
 */
public record DocumentIndexed(
        UUID eventId,
        Instant occurredAt,
        UUID documentId,
        UUID tenantId,
        int version,
        int chunkCount,
        int pageCount,
        String embeddingModel,
        int dimension)
        implements DocumentLifecycleEvent {

    public DocumentIndexed {
        Objects.requireNonNull(eventId, "eventId must not be null");
        Objects.requireNonNull(occurredAt, "occurredAt must not be null");
        Objects.requireNonNull(documentId, "documentId must not be null");
        Objects.requireNonNull(tenantId, "tenantId must not be null");
        if (version < 1) {
            throw new IllegalArgumentException("version must be at least 1 but was " + version);
        }
        if (chunkCount < 0) {
            throw new IllegalArgumentException("chunkCount must not be negative but was " + chunkCount);
        }
        if (pageCount < 0) {
            throw new IllegalArgumentException("pageCount must not be negative but was " + pageCount);
        }
        Objects.requireNonNull(embeddingModel, "embeddingModel must not be null");
        if (dimension < 1) {
            throw new IllegalArgumentException("dimension must be at least 1 but was " + dimension);
        }
    }
}
