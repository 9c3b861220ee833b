package io.docmatrix.analysis.pipeline;

import io.docmatrix.analysis.clause.ClauseMatch;
import io.docmatrix.analysis.clause.DocumentKind;
import io.docmatrix.analysis.comparison.PlaybookComparison;
import io.docmatrix.analysis.facts.KeyFact;
import io.docmatrix.analysis.recommendation.Recommendation;
import io.docmatrix.analysis.risk.Finding;
import io.docmatrix.analysis.summary.GenericSummary;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Everything the agents produced for one document version, stored as one JSONB document. A contract has clauses,
 * facts, findings, comparison and recommendations; any other document has only the generic summary.
 */
public record AnalysisResult(
        DocumentKind kind,
        double riskScore,
        List<String> riskDrivers,
        List<ClauseMatch> clauses,
        List<KeyFact> facts,
        List<Finding> findings,
        List<PlaybookComparison> comparison,
        List<Recommendation> recommendations,
        @Nullable GenericSummary summary) {}
