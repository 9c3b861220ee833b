package io.docmatrix.analysis.comparison;

import io.docmatrix.analysis.playbook.Position;
import io.docmatrix.analysis.risk.Evidence;
import java.util.List;

/**
 * How the document stands against one rule of the playbook.
 *
 * @param category the rule's clause category
 * @param position what the playbook expects
 * @param status MATCH, DEVIATION, MISSING or UNCLEAR
 * @param note one sentence saying why
 * @param evidence the clauses found for the category (also the uncertain ones, for UNCLEAR)
 */
public record PlaybookComparison(
        String category, Position position, Status status, String note, List<Evidence> evidence) {

    public PlaybookComparison {
        evidence = List.copyOf(evidence);
    }

    public enum Status {
        /** As the playbook expects: a required or optional clause found, a prohibited one absent. */
        MATCH,
        /** Found but not as the playbook wants: a prohibited clause, or a finding against a threshold. */
        DEVIATION,
        /** Not found. For an optional clause this is information only. */
        MISSING,
        /** Only low-confidence labels: a reviewer should look. */
        UNCLEAR
    }
}
