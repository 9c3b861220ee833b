package io.docmatrix.analysis.risk;

import java.util.List;

/**
 * The findings of a document, most severe first, and its risk score.
 *
 * @param score 0 (no finding) to 100, see {@link RiskScore}
 * @param findings every finding, most severe first
 * @param drivers the codes of the findings that contribute to the score, largest contribution first
 */
public record RiskAssessment(double score, List<Finding> findings, List<String> drivers) {

    public RiskAssessment {
        findings = List.copyOf(findings);
        drivers = List.copyOf(drivers);
    }
}
