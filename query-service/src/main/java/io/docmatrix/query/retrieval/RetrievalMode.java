package io.docmatrix.query.retrieval;

/** How chunks are found: vector and full-text fused, or either alone (the baselines). */
public enum RetrievalMode {
    HYBRID,
    VECTOR,
    TEXT
}
