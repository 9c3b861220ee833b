package io.docmatrix.analysis.recommendation;

import io.docmatrix.analysis.risk.Evidence;
import io.docmatrix.contracts.analysis.Severity;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One thing a reviewer should do.
 *
 * @param code the finding code or comparison status it answers, e.g. {@code MISSING_CLAUSE}, {@code UNCLEAR}
 * @param category the clause category concerned, when there is one
 * @param severity how urgent it is (the finding's severity)
 * @param action what to do, in plain English
 * @param suggestedLanguage the playbook's preferred wording to propose, when it has one
 * @param fallbackLanguage the playbook's acceptable alternative, when it has one
 * @param evidence the spans the recommendation is about
 */
public record Recommendation(
        String code,
        @Nullable String category,
        Severity severity,
        String action,
        @Nullable String suggestedLanguage,
        @Nullable String fallbackLanguage,
        List<Evidence> evidence) {

    public Recommendation {
        evidence = List.copyOf(evidence);
    }
}
