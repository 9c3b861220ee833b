package io.docmatrix.analysis.pipeline.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.docmatrix.analysis.clause.ClauseMatch;
import io.docmatrix.analysis.comparison.PlaybookComparison;
import io.docmatrix.analysis.facts.KeyFact;
import io.docmatrix.analysis.pipeline.AnalysisQueries;
import io.docmatrix.analysis.pipeline.AnalysisResult;
import io.docmatrix.analysis.pipeline.StoredAnalysis;
import io.docmatrix.analysis.playbook.PlaybookRef;
import io.docmatrix.analysis.recommendation.Recommendation;
import io.docmatrix.analysis.risk.Finding;
import io.docmatrix.analysis.summary.GenericSummary;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The analysis of a document version as the API shows it. Fields a status or kind does not have are left out: no
 * result while PENDING or RUNNING, an error only when FAILED, summary and key terms only for non-contracts.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record AnalysisView(
        @Nullable UUID analysisId,
        UUID documentId,
        @Nullable Integer version,
        String status,
        @Nullable String kind,
        @Nullable PlaybookRef playbook,
        @Nullable Double riskScore,
        @Nullable List<String> riskDrivers,
        @Nullable List<ClauseMatch> clauses,
        @Nullable List<KeyFact> facts,
        @Nullable List<Finding> findings,
        @Nullable List<PlaybookComparison> comparison,
        @Nullable List<Recommendation> recommendations,
        @Nullable String summary,
        @Nullable List<GenericSummary.SummarySentence> summarySentences,
        @Nullable List<String> keyTerms,
        @Nullable List<String> entities,
        @Nullable Error error,
        @Nullable Instant requestedAt,
        @Nullable Instant finishedAt) {

    record Error(String code, String detail) {}

    static AnalysisView waiting(AnalysisQueries.Waiting waiting) {
        return new AnalysisView(
                null,
                waiting.documentId(),
                waiting.version(),
                "PENDING",
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
    }

    static AnalysisView of(StoredAnalysis a) {
        AnalysisResult r = a.result();
        GenericSummary s = r == null ? null : r.summary();
        Error error =
                a.errorCode() == null ? null : new Error(a.errorCode(), a.errorDetail() == null ? "" : a.errorDetail());
        return new AnalysisView(
                a.id(),
                a.documentId(),
                a.version(),
                a.status().name(),
                r == null ? null : r.kind().name(),
                a.playbook(),
                r == null ? null : r.riskScore(),
                r == null ? null : r.riskDrivers(),
                r == null ? null : r.clauses(),
                r == null ? null : r.facts(),
                r == null ? null : r.findings(),
                r == null ? null : r.comparison(),
                r == null ? null : r.recommendations(),
                s == null ? null : s.summary(),
                s == null ? null : s.sentences(),
                s == null ? null : s.keyTerms(),
                s == null ? null : s.entities(),
                error,
                a.requestedAt(),
                a.finishedAt());
    }
}
