package io.docmatrix.analysis.clause;

public enum DocumentKind {
    CONTRACT,
    OTHER
}
