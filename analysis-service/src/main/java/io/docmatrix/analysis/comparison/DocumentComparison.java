package io.docmatrix.analysis.comparison;

import java.util.List;

/**
 * Two documents (or two versions of one) compared clause by clause.
 *
 * @param leftRiskScore risk score of the left document's analysis
 * @param rightRiskScore risk score of the right document's analysis
 * @param riskScoreChange right minus left; positive means the right one is riskier
 * @param clauses every aligned clause, by category
 * @param findingsAdded finding codes (with category) the right document has and the left does not
 * @param findingsResolved finding codes the left document has and the right does not
 */
public record DocumentComparison(
        double leftRiskScore,
        double rightRiskScore,
        double riskScoreChange,
        List<ClauseChange> clauses,
        List<String> findingsAdded,
        List<String> findingsResolved) {}
