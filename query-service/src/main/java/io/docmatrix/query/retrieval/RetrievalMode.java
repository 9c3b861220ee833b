package io.docmatrix.query.retrieval;

/** How candidates are found: both rankings fused (the default), or one of them alone as a baseline. */
public enum RetrievalMode {
    HYBRID,
    VECTOR,
    TEXT
}
