package io.docmatrix.eval.qa;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QaDatasetTest {

    @TempDir
    Path folder;

    @Test
    void convertsCodePointOffsetsToJavaIndicesAndChecksThem() throws IOException {
        // "🙂" is one code point but two UTF-16 units: the answer starts at code point 13, Java index 14.
        write(
                "{\"doc_id\":\"d1\",\"title\":\"Smile\",\"text\":\"I am happy 🙂 in Paris today.\"}",
                "{\"id\":\"q1\",\"question\":\"Where?\",\"doc_id\":\"d1\",\"answers\":[{\"text\":\"in Paris\",\"answer_start\":13}]}");

        QaDataset data = QaDataset.load(folder, "fixture");

        QaDataset.GoldAnswer answer = data.questions().get(0).answers().get(0);
        assertThat(data.documents().get(0).text().substring(answer.start(), answer.end()))
                .isEqualTo("in Paris");
        assertThat(answer.relocated()).isFalse();
        assertThat(data.documents().get(0).filename()).isEqualTo("d1.txt");
        assertThat(data.documents().get(0).collection()).isEqualTo("fixture");
    }

    @Test
    void relocatesAnAnswerWhoseOffsetIsWrongAndDropsOneThatIsAbsent() throws IOException {
        write(
                "{\"doc_id\":\"d1\",\"title\":\"T\",\"text\":\"The year was 1943 and later 1943 again.\"}",
                "{\"id\":\"q1\",\"question\":\"When?\",\"doc_id\":\"d1\",\"answers\":[{\"text\":\"1943\",\"answer_start\":26}]}\n"
                        + "{\"id\":\"q2\",\"question\":\"Who?\",\"doc_id\":\"d1\",\"answers\":[{\"text\":\"Tesla\",\"answer_start\":0}]}\n"
                        + "{\"id\":\"q3\",\"question\":\"Unknown doc\",\"doc_id\":\"zz\",\"answers\":[{\"text\":\"x\",\"answer_start\":0}]}");

        QaDataset data = QaDataset.load(folder, "fixture");

        assertThat(data.questions()).extracting(QaDataset.Question::id).containsExactly("q1");
        assertThat(data.questions().get(0).answers().get(0).start()).isEqualTo(28);
        assertThat(data.goldSpansRelocated()).isEqualTo(1);
    }

    @Test
    void theSampleIsStableForASeedAndChangesWithIt() throws IOException {
        StringBuilder questions = new StringBuilder();
        for (int i = 0; i < 50; i++) {
            questions
                    .append("{\"id\":\"q")
                    .append(i)
                    .append(
                            "\",\"question\":\"?\",\"doc_id\":\"d1\",\"answers\":[{\"text\":\"word\",\"answer_start\":0}]}\n");
        }
        write("{\"doc_id\":\"d1\",\"title\":\"T\",\"text\":\"word\"}", questions.toString());
        QaDataset data = QaDataset.load(folder, "fixture");

        assertThat(data.sample(10, "a")).hasSize(10).isEqualTo(data.sample(10, "a"));
        assertThat(data.sample(10, "a")).isNotEqualTo(data.sample(10, "b"));
        assertThat(data.sample(0, "a")).hasSize(50);
    }

    private void write(String corpus, String questions) throws IOException {
        Files.writeString(folder.resolve("corpus.jsonl"), corpus + "\n");
        Files.writeString(folder.resolve("questions.jsonl"), questions + "\n");
    }
}
