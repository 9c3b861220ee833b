package io.docmatrix.contracts.analysis;

import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AnalysisCompletedTest {

    @ParameterizedTest
    @ValueSource(doubles = {-0.5, 100.5, Double.NaN})
    void rejectsARiskScoreOutsideZeroToOneHundred(double riskScore) {
        List<ClauseSummary> clauses = List.of();

        assertThatIllegalArgumentException()
                .isThrownBy(() -> completed(riskScore, clauses))
                .withMessageContaining("riskScore must be between 0 and 100");
    }

    @Test
    void rejectsAClauseConfidenceAboveOne() {
        double confidence = 1.2;

        assertThatIllegalArgumentException()
                .isThrownBy(() -> new ClauseSummary("INDEMNIFICATION", 3, confidence))
                .withMessage("confidence must be between 0 and 1 but was 1.2");
    }

    private static AnalysisCompleted completed(double riskScore, List<ClauseSummary> clauses) {
        return new AnalysisCompleted(
                UUID.fromString("81efa409-b3c4-45d8-9091-2ad6e7f8a989"),
                Instant.parse("2026-03-01T10:17:42Z"),
                UUID.fromString("8b1e4c7a-2f3d-4e59-9a6b-0c7d1e2f3a4b"),
                UUID.fromString("3f6c2a8e-9d41-4b7a-b0e2-5c1d7f9a8b34"),
                2,
                UUID.fromString("a3f1c2d4-5e6b-4c7d-8e9f-0a1b2c3d4e5f"),
                "msa-standard",
                3,
                riskScore,
                clauses,
                List.of(new FindingSummary("UNCAPPED_INDEMNITY", Severity.HIGH, "Indemnity is not capped")));
    }
}
