package io.docmatrix.contracts.analysis;

import io.docmatrix.contracts.DomainEvent;
import java.util.UUID;

/**
 * An event on {@code analysis.results.v1}, keyed by {@link #documentId()}, so the results for one document arrive in the
 * order they were written. Sealed so that consumers switch over it exhaustively.
 */
public sealed interface AnalysisEvent extends DomainEvent permits AnalysisCompleted, AnalysisFailed {

    /** The analysed document. */
    UUID documentId();

    /** The tenant that owns the document. */
    UUID tenantId();

    /** The document version analysed, starting at 1. */
    int version();

    /** The analysis run; one document version can be analysed several times (other playbooks, re-runs). */
    UUID analysisId();

    @Override
    default String aggregateId() {
        return documentId().toString();
    }
}
