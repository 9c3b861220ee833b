package io.docmatrix.analysis.comparison;

import io.docmatrix.analysis.clause.ClauseLabels;
import io.docmatrix.analysis.clause.ClauseMatch;
import io.docmatrix.analysis.comparison.PlaybookComparison.Status;
import io.docmatrix.analysis.document.DocumentForAnalysis;
import io.docmatrix.analysis.playbook.ClauseRule;
import io.docmatrix.analysis.playbook.Playbook;
import io.docmatrix.analysis.playbook.Position;
import io.docmatrix.analysis.risk.Evidence;
import io.docmatrix.analysis.risk.Finding;
import java.util.ArrayList;
import java.util.List;

/**
 * Compares a document with its playbook, rule by rule. It reads the risk agent's findings (passed in by the
 * orchestrator) to tell a clause that is present but deviates from one that matches.
 */
public final class ComparisonAgent {

    private final double minConfidence;

    public ComparisonAgent(double minConfidence) {
        this.minConfidence = minConfidence;
    }

    public List<PlaybookComparison> compare(
            Playbook playbook, ClauseLabels clauses, List<Finding> findings, DocumentForAnalysis document) {
        List<PlaybookComparison> result = new ArrayList<>();
        for (ClauseRule rule : playbook.rules()) {
            String key = Playbook.key(rule.category());
            List<ClauseMatch> all = clauses.matches().stream()
                    .filter(m -> Playbook.key(m.category()).equals(key))
                    .toList();
            List<ClauseMatch> sure =
                    all.stream().filter(m -> m.confidence() >= minConfidence).toList();
            List<Finding> against = findings.stream()
                    .filter(f -> f.category() != null
                            && Playbook.key(f.category()).equals(key)
                            && !f.code().equals("MISSING_CLAUSE"))
                    .toList();
            List<Evidence> evidence = (sure.isEmpty() ? all : sure)
                    .stream().map(m -> Evidence.of(m, document)).toList();
            result.add(judge(rule, all, sure, against, evidence));
        }
        return result;
    }

    private static PlaybookComparison judge(
            ClauseRule rule,
            List<ClauseMatch> all,
            List<ClauseMatch> sure,
            List<Finding> against,
            List<Evidence> evidence) {
        String category = rule.category();
        if (sure.isEmpty() && !all.isEmpty()) {
            return new PlaybookComparison(
                    category,
                    rule.position(),
                    Status.UNCLEAR,
                    "Possible " + category + " wording was found, but not with enough confidence; check it manually.",
                    evidence);
        }
        if (rule.position() == Position.PROHIBITED) {
            return sure.isEmpty()
                    ? new PlaybookComparison(
                            category,
                            rule.position(),
                            Status.MATCH,
                            "No " + category + " clause, as expected.",
                            evidence)
                    : new PlaybookComparison(
                            category,
                            rule.position(),
                            Status.DEVIATION,
                            "The playbook prohibits " + category + " and the document contains it.",
                            evidence);
        }
        if (sure.isEmpty()) {
            return new PlaybookComparison(
                    category,
                    rule.position(),
                    Status.MISSING,
                    rule.position() == Position.REQUIRED
                            ? "The playbook requires a " + category + " clause; none was found."
                            : "No " + category + " clause (optional).",
                    evidence);
        }
        if (!against.isEmpty()) {
            return new PlaybookComparison(
                    category,
                    rule.position(),
                    Status.DEVIATION,
                    "The " + category + " clause deviates from the playbook: "
                            + String.join(
                                    "; ", against.stream().map(Finding::title).toList()) + ".",
                    evidence);
        }
        return new PlaybookComparison(
                category, rule.position(), Status.MATCH, "A " + category + " clause was found.", evidence);
    }
}
