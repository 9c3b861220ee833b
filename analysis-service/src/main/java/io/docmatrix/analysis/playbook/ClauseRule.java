package io.docmatrix.analysis.playbook;

import io.docmatrix.contracts.analysis.Severity;
import org.jspecify.annotations.Nullable;

/**
 * The playbook's rule for one clause category.
 *
 * @param category a CUAD category name (see {@link CuadCategories})
 * @param position whether the category is required, prohibited or optional
 * @param severity how serious it is when the clause is missing (required), present (prohibited) or deviates from a
 *     threshold
 * @param preferredLanguage the wording the tenant wants, offered in recommendations
 * @param fallbackLanguage the wording the tenant accepts when the preferred one is refused
 * @param rationale why the rule exists, in plain English, used in explanations
 */
public record ClauseRule(
        String category,
        Position position,
        Severity severity,
        @Nullable String preferredLanguage,
        @Nullable String fallbackLanguage,
        @Nullable String rationale) {}
