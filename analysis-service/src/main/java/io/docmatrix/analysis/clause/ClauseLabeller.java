package io.docmatrix.analysis.clause;

import io.docmatrix.analysis.document.DocumentForAnalysis;

/** Labels a document's clauses; implemented by the clause engineer as a Spring bean. */
public interface ClauseLabeller {
    ClauseLabels label(DocumentForAnalysis document);
}
