package io.docmatrix.contracts.chunk;

import io.docmatrix.contracts.DomainEvent;
import java.util.UUID;

/**
 * An event on {@code documents.chunks.v1}, keyed by {@link #documentId()}: all chunks of a document share one partition
 * and arrive in the order ingestion wrote them. Sealed so that consumers switch over it exhaustively.
 */
public sealed interface ChunkEvent extends DomainEvent permits ChunkEmbedded {

    /** The document the chunk belongs to. */
    UUID documentId();

    /** The tenant that owns the document. */
    UUID tenantId();

    /** The document version the chunk was cut from, starting at 1. */
    int version();

    @Override
    default String aggregateId() {
        return documentId().toString();
    }
}
