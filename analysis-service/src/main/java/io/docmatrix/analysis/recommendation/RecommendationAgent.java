package io.docmatrix.analysis.recommendation;

import io.docmatrix.analysis.comparison.PlaybookComparison;
import io.docmatrix.analysis.playbook.ClauseRule;
import io.docmatrix.analysis.playbook.Playbook;
import io.docmatrix.analysis.risk.Finding;
import io.docmatrix.contracts.analysis.Severity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Turns the risk agent's findings and the comparison's unclear clauses into recommendations, most severe first.
 * Wording comes from the playbook: the preferred language to propose and the fallback to settle for.
 */
public final class RecommendationAgent {

    public List<Recommendation> recommend(
            Playbook playbook, List<Finding> findings, List<PlaybookComparison> comparison) {
        List<Recommendation> recommendations = new ArrayList<>();
        for (Finding finding : findings) {
            Optional<ClauseRule> rule =
                    finding.category() == null ? Optional.empty() : playbook.rule(finding.category());
            String preferred = rule.map(ClauseRule::preferredLanguage).orElse(null);
            String fallback = rule.map(ClauseRule::fallbackLanguage).orElse(null);
            recommendations.add(new Recommendation(
                    finding.code(),
                    finding.category(),
                    finding.severity(),
                    action(finding, preferred != null, fallback != null),
                    preferred,
                    fallback,
                    finding.evidence()));
        }
        for (PlaybookComparison unclear : comparison) {
            if (unclear.status() == PlaybookComparison.Status.UNCLEAR) {
                recommendations.add(new Recommendation(
                        "UNCLEAR",
                        unclear.category(),
                        Severity.LOW,
                        "Read the highlighted passage and confirm whether it is a " + unclear.category()
                                + " clause; the analysis could not tell with confidence.",
                        null,
                        null,
                        unclear.evidence()));
            }
        }
        recommendations.sort(Comparator.comparing(Recommendation::severity).reversed());
        return recommendations;
    }

    private static String action(Finding finding, boolean hasPreferred, boolean hasFallback) {
        String category = finding.category() == null ? "the clause" : "the " + finding.category() + " clause";
        String wording = hasPreferred
                ? " Propose the playbook's preferred wording" + (hasFallback ? ", or its fallback if refused." : ".")
                : hasFallback ? " If it cannot be removed, narrow it to the playbook's fallback wording." : "";
        return switch (finding.code()) {
            case "MISSING_CLAUSE" -> "Add " + category + "." + wording;
            case "PROHIBITED_CLAUSE" -> "Ask for " + category + " to be deleted." + wording;
            case "UNCAPPED_LIABILITY" -> "Negotiate a cap on liability that covers every claim." + wording;
            case "NOTICE_PERIOD_TOO_SHORT" -> "Ask for a longer notice period." + wording;
            case "NOTICE_PERIOD_TOO_LONG" ->
                "Ask for a shorter notice period, or diarise the notice date now." + wording;
            case "AUTO_RENEWAL" ->
                "Replace automatic renewal by renewal on mutual agreement, or diarise the" + " non-renewal deadline."
                        + wording;
            case "RENEWAL_TERM_TOO_LONG" -> "Shorten the renewal term." + wording;
            case "GOVERNING_LAW_NOT_ALLOWED" -> "Change the governing law to an accepted jurisdiction." + wording;
            default -> "Review " + category + ": " + finding.title() + "." + wording;
        };
    }
}
