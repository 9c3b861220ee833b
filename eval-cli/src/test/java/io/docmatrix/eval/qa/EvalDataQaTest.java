package io.docmatrix.eval.qa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The loaders on the shared dev data, when the machine has it (skipped otherwise): every gold span must be located. */
class EvalDataQaTest {

    private static final Path EVAL_DATA =
            Path.of(System.getenv().getOrDefault("DOCMATRIX_EVAL_DATA", "/work/shared/eval-data"));

    @ParameterizedTest
    @ValueSource(strings = {"xquad-en/dev", "covid-qa/dev"})
    void everyQuestionOfTheDevSplitHasGoldSpansMatchingItsDocument(String dataset) {
        Path folder = EVAL_DATA.resolve(dataset);
        assumeTrue(Files.isRegularFile(folder.resolve("corpus.jsonl")), "no eval data at " + folder);

        QaDataset data = QaDataset.load(folder, "dev");

        assertThat(data.documents()).isNotEmpty();
        assertThat(data.questions()).hasSizeGreaterThan(300);
        data.questions().forEach(q -> {
            String text = data.documents().stream()
                    .filter(d -> d.key().equals(q.documentKey()))
                    .findFirst()
                    .orElseThrow()
                    .text();
            q.answers()
                    .forEach(a -> assertThat(text.substring(a.start(), a.end())).isEqualTo(a.text()));
        });
    }
}
