package io.docmatrix.ingestion.document;

/** Where a document version is in its lifecycle; READY and FAILED are final until a reprocess. */
public enum DocumentStatus {
    RECEIVED,
    PARSING,
    EMBEDDING,
    READY,
    FAILED;

    public boolean isFinal() {
        return this == READY || this == FAILED;
    }
}
