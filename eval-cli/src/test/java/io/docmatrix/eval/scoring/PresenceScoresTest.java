package io.docmatrix.eval.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PresenceScoresTest {

    @Test
    void perCategoryMicroAndMacroScores() {
        PresenceScores scores = new PresenceScores();
        // Governing Law: 2 TP, 1 FN, 1 FP, 1 TN
        scores.add("Governing Law", true, true, 1, 1);
        scores.add("Governing Law", true, true, 2, 1);
        scores.add("Governing Law", true, false, 1, 0);
        scores.add("Governing Law", false, true, 0, 0);
        scores.add("Governing Law", false, false, 0, 0);
        // Audit Rights: 1 TP
        scores.add("Audit Rights", true, true, 1, 1);

        PresenceScores.Result result = scores.result();

        PresenceScores.CategoryScore law = result.categories().get(0);
        assertThat(law.category()).isEqualTo("Governing Law");
        assertThat(law.precision()).isCloseTo(2 / 3.0, within(1e-12));
        assertThat(law.recall()).isCloseTo(2 / 3.0, within(1e-12));
        assertThat(law.spanRecall()).isCloseTo(2 / 4.0, within(1e-12));
        assertThat(result.micro().truePositives()).isEqualTo(3);
        assertThat(result.micro().precision()).isCloseTo(3 / 4.0, within(1e-12));
        assertThat(result.micro().recall()).isCloseTo(3 / 4.0, within(1e-12));
        assertThat(result.micro().spanRecall()).isCloseTo(3 / 5.0, within(1e-12));
        assertThat(result.macro().categories()).isEqualTo(2);
        assertThat(result.macro().f1()).isCloseTo((2 / 3.0 + 1) / 2, within(1e-12));
    }

    @Test
    void categoriesAbsentFromTheGoldDataStayOutOfTheMacroAverage() {
        PresenceScores scores = new PresenceScores();
        scores.add("Source Code Escrow", false, false, 0, 0);
        scores.add("Source Code Escrow", false, true, 0, 0);
        scores.add("Insurance", true, true, 1, 1);

        PresenceScores.Result result = scores.result();

        assertThat(result.macro().categories()).isEqualTo(1);
        assertThat(result.macro().f1()).isEqualTo(1.0);
        assertThat(result.categories().get(0).precision()).isZero();
    }
}
