package io.docmatrix.contracts.upload;

import io.docmatrix.contracts.DomainEvent;
import java.util.UUID;

/**
 * An event on {@code documents.uploads.v1}, keyed by {@link #documentId()}. Sealed so that consumers switch over it
 * exhaustively.
 */
public sealed interface UploadEvent extends DomainEvent permits DocumentUploaded {

    /** The uploaded document; stable across its versions. */
    UUID documentId();

    @Override
    default String aggregateId() {
        return documentId().toString();
    }
}
