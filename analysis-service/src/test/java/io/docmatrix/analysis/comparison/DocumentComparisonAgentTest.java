package io.docmatrix.analysis.comparison;

import static org.assertj.core.api.Assertions.assertThat;

import io.docmatrix.analysis.clause.ClauseMatch;
import io.docmatrix.analysis.comparison.ClauseChange.Change;
import io.docmatrix.analysis.document.AnalysedChunk;
import io.docmatrix.analysis.document.DocumentForAnalysis;
import io.docmatrix.analysis.risk.Finding;
import io.docmatrix.contracts.analysis.Severity;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Aligning clauses of two documents by category and vector similarity, over hand-built chunks and labels. */
class DocumentComparisonAgentTest {

    private final DocumentComparisonAgent agent = new DocumentComparisonAgent(0.5, 0.6);

    @Test
    void pairsClausesOfACategoryByTheSimilarityOfTheirChunks() {
        // Two audit clauses on each side; vectors say which left clause became which right clause.
        Doc left = new Doc()
                .chunk("Audits happen once a year.", new float[] {1, 0, 0})
                .chunk("Records are kept for five years.", new float[] {0, 1, 0});
        Doc right = new Doc()
                .chunk("Records are kept for seven years.", new float[] {0, 0.95f, 0.31f})
                .chunk("Audits happen once a year.", new float[] {1, 0, 0});

        DocumentComparison comparison = agent.compare(
                left.side(List.of(left.match("Audit Rights", 0), left.match("Audit Rights", 1)), List.of(), 10),
                right.side(List.of(right.match("Audit Rights", 0), right.match("Audit Rights", 1)), List.of(), 10));

        assertThat(comparison.clauses())
                .extracting(ClauseChange::status)
                .containsExactly(Change.UNCHANGED, Change.CHANGED);
        ClauseChange changed = comparison.clauses().get(1);
        assertThat(changed.left().quote()).contains("five");
        assertThat(changed.right().quote()).contains("seven");
        assertThat(changed.diff())
                .contains(
                        new WordDiff.Segment(WordDiff.Op.DELETE, "five"),
                        new WordDiff.Segment(WordDiff.Op.INSERT, "seven"));
    }

    @Test
    void reportsUnpairedClausesAsRemovedOrAddedWithTheChangeInRisk() {
        Doc left = new Doc().chunk("The customer buys only from the supplier.", new float[] {1, 0});
        Doc right = new Doc().chunk("The supplier may audit the customer.", new float[] {0, 1});
        Finding exclusivity = new Finding("PROHIBITED_CLAUSE", Severity.HIGH, "x", "x", "Exclusivity", List.of());

        DocumentComparison comparison = agent.compare(
                left.side(List.of(left.match("Exclusivity", 0)), List.of(exclusivity), 25),
                right.side(List.of(right.match("Audit Rights", 0)), List.of(), 0));

        assertThat(comparison.clauses())
                .extracting(ClauseChange::category, ClauseChange::status, ClauseChange::riskChange)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("Audit Rights", Change.ADDED, 0),
                        org.assertj.core.groups.Tuple.tuple("Exclusivity", Change.REMOVED, -25));
        assertThat(comparison.riskScoreChange()).isEqualTo(-25.0);
        assertThat(comparison.findingsResolved()).containsExactly("PROHIBITED_CLAUSE (Exclusivity)");
    }

    /** A document built chunk by chunk, each chunk one clause. */
    private static final class Doc {
        private final UUID id = UUID.randomUUID();
        private final List<AnalysedChunk> chunks = new java.util.ArrayList<>();
        private int offset;

        Doc chunk(String text, float[] vector) {
            chunks.add(new AnalysedChunk(
                    UUID.randomUUID(), chunks.size(), text, 1, 1, offset, offset + text.length(), List.of(), vector));
            offset += text.length() + 1;
            return this;
        }

        ClauseMatch match(String category, int chunk) {
            AnalysedChunk c = chunks.get(chunk);
            return new ClauseMatch(category, 0.9, c.chunkId(), 1, c.start(), c.end(), c.text());
        }

        ComparedDocument side(List<ClauseMatch> clauses, List<Finding> findings, double score) {
            return new ComparedDocument(
                    new DocumentForAnalysis(UUID.randomUUID(), id, 1, null, null, null, chunks),
                    clauses,
                    findings,
                    score);
        }
    }
}
