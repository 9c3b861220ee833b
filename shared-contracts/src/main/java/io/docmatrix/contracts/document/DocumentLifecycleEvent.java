package io.docmatrix.contracts.document;

import io.docmatrix.contracts.DomainEvent;
import java.util.UUID;

/**
 * An event on {@code documents.lifecycle.v1}, keyed by {@link #documentId()}, so the events of one document arrive in
 * the order ingestion wrote them. Sealed so that consumers switch over it exhaustively.
 */
public sealed interface DocumentLifecycleEvent extends DomainEvent
        permits DocumentReceived,
                DocumentParsingStarted,
                DocumentParsed,
                DocumentIndexed,
                DocumentFailed,
                DocumentDeleted {

    /** The document; stable across its versions. */
    UUID documentId();

    /** The tenant that owns the document. */
    UUID tenantId();

    /** The document version the event is about, starting at 1. */
    int version();

    @Override
    default String aggregateId() {
        return documentId().toString();
    }
}
