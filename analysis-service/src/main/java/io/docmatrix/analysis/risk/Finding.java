package io.docmatrix.analysis.risk;

import io.docmatrix.contracts.analysis.Severity;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One issue the playbook raises about a document.
 *
 * @param code stable rule code, e.g. {@code MISSING_CLAUSE}, {@code UNCAPPED_LIABILITY}
 * @param severity how serious it is
 * @param title one line
 * @param explanation plain English: what was found, what the playbook expects and why it matters
 * @param category the clause category concerned, when there is one
 * @param evidence the spans it rests on; empty for a missing clause
 */
public record Finding(
        String code,
        Severity severity,
        String title,
        String explanation,
        @Nullable String category,
        List<Evidence> evidence) {

    public Finding {
        evidence = List.copyOf(evidence);
    }
}
