package io.docmatrix.analysis.pipeline;

import io.docmatrix.analysis.comparison.ComparedDocument;
import io.docmatrix.analysis.comparison.DocumentComparison;
import io.docmatrix.analysis.comparison.DocumentComparisonAgent;
import io.docmatrix.analysis.document.DocumentForAnalysis;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/** Compares the latest completed analyses of two document versions of one tenant. */
@Service
public class Comparisons {

    private final AnalysisRepository analyses;
    private final StagingRepository staging;
    private final DocumentComparisonAgent agent;

    public Comparisons(AnalysisRepository analyses, StagingRepository staging, DocumentComparisonAgent agent) {
        this.analyses = analyses;
        this.staging = staging;
        this.agent = agent;
    }

    /** A side of the comparison that cannot be compared; {@code code} says why. */
    public static final class NotComparableException extends RuntimeException {
        private final String code;
        private final boolean missing;

        NotComparableException(String code, boolean missing, String message) {
            super(message);
            this.code = code;
            this.missing = missing;
        }

        public String code() {
            return code;
        }

        /** True when the document (version) does not exist for the tenant, as opposed to not being analysed yet. */
        public boolean missing() {
            return missing;
        }
    }

    public record Side(UUID documentId, int version, UUID analysisId) {}

    public record Result(Side left, Side right, DocumentComparison comparison) {}

    public Result compare(
            UUID tenantId, UUID leftId, @Nullable Integer leftVersion, UUID rightId, @Nullable Integer rightVersion) {
        // Both sides must exist for the caller before either side's readiness is told: a pair of the caller's own
        // unanalysed document and another tenant's id answered 409 ANALYSIS_NOT_READY instead of 404 (issue 9's
        // isolation suite), so a foreign id was not always "not found".
        int leftTarget = existing(tenantId, leftId, leftVersion, "left");
        int rightTarget = existing(tenantId, rightId, rightVersion, "right");
        Loaded left = load(tenantId, leftId, leftTarget, "left");
        Loaded right = load(tenantId, rightId, rightTarget, "right");
        DocumentComparison comparison = agent.compare(left.compared(), right.compared());
        return new Result(left.side(), right.side(), comparison);
    }

    private record Loaded(Side side, ComparedDocument compared) {}

    /** The version to compare; NOT_FOUND when the tenant has no such document (version) at all. */
    private int existing(UUID tenantId, UUID documentId, @Nullable Integer version, String which) {
        int target = version != null
                ? version
                : analyses.latestVersion(tenantId, documentId)
                        .orElseThrow(() -> new NotComparableException(
                                "NOT_FOUND", true, "The " + which + " document was not found."));
        if (staging.state(tenantId, documentId, target).isEmpty()
                && analyses.latestCompleted(tenantId, documentId, target).isEmpty()) {
            throw new NotComparableException("NOT_FOUND", true, "The " + which + " document was not found.");
        }
        return target;
    }

    private Loaded load(UUID tenantId, UUID documentId, int target, String which) {
        StoredAnalysis analysis = analyses.latestCompleted(tenantId, documentId, target)
                .orElseThrow(() -> staging.state(tenantId, documentId, target).isPresent()
                        ? new NotComparableException(
                                "ANALYSIS_NOT_READY",
                                false,
                                "The " + which + " document has no completed analysis yet.")
                        : new NotComparableException("NOT_FOUND", true, "The " + which + " document was not found."));
        Optional<DocumentForAnalysis> document = staging.load(tenantId, documentId, target);
        if (document.isEmpty() || analysis.result() == null) {
            throw new NotComparableException("NOT_FOUND", true, "The " + which + " document was not found.");
        }
        AnalysisResult result = analysis.result();
        return new Loaded(
                new Side(documentId, target, analysis.id()),
                new ComparedDocument(document.get(), result.clauses(), result.findings(), result.riskScore()));
    }
}
