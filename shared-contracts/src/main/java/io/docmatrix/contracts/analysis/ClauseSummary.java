package io.docmatrix.contracts.analysis;

import java.util.Objects;

/**
 * How many clauses of one category an analysis found, and how sure it is.
 *
 * @param category the clause category as the playbook names it, e.g. {@code LIMITATION_OF_LIABILITY}
 * @param count number of clauses of the category found; 0 means the playbook expected the category and found none
 * @param confidence mean confidence of the classification of those clauses, from 0 to 1; 0 when {@code count} is 0
 */
public record ClauseSummary(String category, int count, double confidence) {

    public ClauseSummary {
        Objects.requireNonNull(category, "category must not be null");
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative but was " + count);
        }
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("confidence must be between 0 and 1 but was " + confidence);
        }
    }
}
