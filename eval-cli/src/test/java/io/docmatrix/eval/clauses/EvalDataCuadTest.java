package io.docmatrix.eval.clauses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The CUAD loader and fold split on the shared dev data, when the machine has it (skipped otherwise). */
class EvalDataCuadTest {

    private static final Path CUAD = Path.of(
                    System.getenv().getOrDefault("DOCMATRIX_EVAL_DATA", "/work/shared/eval-data"))
            .resolve("cuad/dev");

    @Test
    void everyGoldSpanIsFoundAndTheFoldsAreBalanced() {
        assumeTrue(Files.isRegularFile(CUAD.resolve("manifest.jsonl")), "no eval data at " + CUAD);

        CuadDataset data = CuadDataset.load(CUAD, "cuad-dev");

        assertThat(data.categories()).hasSize(41);
        assertThat(data.spansDropped()).isZero();
        data.contracts().forEach(c -> c.gold().values().forEach(g -> g.spans()
                .forEach(s -> assertThat(c.document().text().substring(s.start(), s.end()))
                        .isEqualTo(s.text()))));
        long foldA = data.contracts().stream()
                .filter(c -> CuadDataset.fold(c.id()) == 0)
                .count();
        assertThat(foldA)
                .isBetween(data.contracts().size() / 2L - 20, data.contracts().size() / 2L + 20);
    }

    @Test
    void exemplarsRespectTheCapPerCategory() {
        assumeTrue(Files.isRegularFile(CUAD.resolve("manifest.jsonl")), "no eval data at " + CUAD);
        CuadDataset data = CuadDataset.load(CUAD, "cuad-dev");
        Map<String, String> categories = new LinkedHashMap<>();
        data.categories().forEach(c -> categories.put(CuadDataset.key(c), c));

        var exemplars = ClauseScoring.exemplars(data.contracts(), categories, 30, 20, 2000);

        Map<String, Long> perCategory = new LinkedHashMap<>();
        exemplars.forEach(e -> perCategory.merge(e.category(), 1L, Long::sum));
        assertThat(perCategory.values()).allMatch(n -> n <= 30);
        assertThat(perCategory.get("Governing Law")).isEqualTo(30);
        assertThat(exemplars)
                .allMatch(e -> e.text().length() <= 2000 && e.text().length() >= 20);
    }
}
