package io.docmatrix.analysis.comparison;

import io.docmatrix.analysis.risk.Evidence;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One clause aligned across two documents.
 *
 * @param category the clause category
 * @param status ADDED (right only), REMOVED (left only), CHANGED or UNCHANGED (both)
 * @param left the clause in the left document, null when ADDED
 * @param right the clause in the right document, null when REMOVED
 * @param similarity cosine similarity of the two clauses' chunks, null unless both sides exist
 * @param diff the word-level difference from left to right; empty when UNCHANGED
 * @param riskChange the change of the category's finding weight (see RiskScore) from left to right; positive is riskier
 */
public record ClauseChange(
        String category,
        Change status,
        @Nullable Evidence left,
        @Nullable Evidence right,
        @Nullable Double similarity,
        List<WordDiff.Segment> diff,
        int riskChange) {

    public enum Change {
        ADDED,
        REMOVED,
        CHANGED,
        UNCHANGED
    }
}
