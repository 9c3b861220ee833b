package io.docmatrix.analysis.comparison;

import io.docmatrix.analysis.clause.ClauseMatch;
import io.docmatrix.analysis.document.DocumentForAnalysis;
import io.docmatrix.analysis.risk.Finding;
import java.util.List;

/** One side of a document comparison: the document with the clauses and findings of its latest analysis. */
public record ComparedDocument(
        DocumentForAnalysis document, List<ClauseMatch> clauses, List<Finding> findings, double riskScore) {}
