package io.docmatrix.embedding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class OnnxEmbeddingModelTest {

    private static OnnxEmbeddingModel miniLm;
    private static OnnxEmbeddingModel bge;

    @BeforeAll
    static void loadModels() {
        miniLm = new OnnxEmbeddingModel(InProcessModel.ALL_MINILM_L6_V2_Q, 2);
        bge = new OnnxEmbeddingModel(InProcessModel.BGE_SMALL_EN_V15_Q, 2);
    }

    @AfterAll
    static void closeModels() {
        miniLm.close();
        bge.close();
    }

    @Test
    void embedsDeterministicallyIntoUnitVectorsOfTheModelsDimension() {
        List<String> texts = List.of("The supplier shall deliver the goods.", "Payment is due within 30 days.");

        List<float[]> first = miniLm.embed(texts);
        List<float[]> second = miniLm.embed(texts);

        assertThat(first).hasSize(2);
        for (int i = 0; i < 2; i++) {
            assertThat(first.get(i)).hasSize(384).containsExactly(second.get(i));
            assertThat(norm(first.get(i))).isCloseTo(1.0, within(1e-4));
        }
    }

    @Test
    void placesRelatedTextsCloserThanUnrelatedOnes() {
        List<float[]> v = miniLm.embed(List.of(
                "Either party may terminate this agreement with thirty days notice.",
                "This contract can be ended by any party giving one month's notice.",
                "Photosynthesis converts light into chemical energy in plants."));

        assertThat(dot(v.get(0), v.get(1))).isGreaterThan(dot(v.get(0), v.get(2)) + 0.2);
    }

    @Test
    void recordsModelIdAndDimensionWithEveryVector() {
        List<Embedding> embeddings = bge.embedRecorded(List.of("Governing law."));

        assertThat(embeddings).singleElement().satisfies(e -> {
            assertThat(e.modelId()).isEqualTo("bge-small-en-v1.5-q");
            assertThat(e.dimension()).isEqualTo(384);
        });
    }

    @Test
    void givesDifferentVectorsToLongTextsThatShareAPrefix() {
        String prefix = words(LEGAL, 110);
        String a = prefix + " " + words(LEGAL, 90);
        String b = prefix + " " + words(BIOLOGY, 90);

        List<float[]> v = bge.embed(List.of(a, b));

        assertThat(bge.countTokens(a)).isGreaterThan(200).isLessThanOrEqualTo(512);
        assertThat(v.get(0)).isNotEqualTo(v.get(1));
        assertThat(dot(v.get(0), v.get(1))).isLessThan(0.999);
    }

    @Test
    void refusesTextsLongerThanMiniLmReadsInsteadOfCuttingThemSilently() {
        String longText = words(LEGAL, 200);

        assertThat(miniLm.maxTokens()).isEqualTo(128);
        assertThat(miniLm.countTokens(longText)).isGreaterThan(128);
        assertThatThrownBy(() -> miniLm.embed(List.of(longText)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("128");
    }

    @Test
    void countsSpecialTokens() {
        assertThat(miniLm.countTokens("hello")).isEqualTo(3);
        assertThat(InProcessModel.byId("all-minilm-l6-v2-q").tokenizer().countTokens("hello world"))
                .isEqualTo(4);
    }

    private static final List<String> LEGAL = List.of("party", "agreement", "notice", "term", "law", "court", "fee");
    private static final List<String> BIOLOGY = List.of("cell", "plant", "light", "leaf", "water", "root", "green");

    /** {@code n} words, one token each. */
    private static String words(List<String> vocabulary, int n) {
        return IntStream.range(0, n)
                .mapToObj(i -> vocabulary.get(i % vocabulary.size()))
                .collect(Collectors.joining(" "));
    }

    static double norm(float[] v) {
        return Math.sqrt(dot(v, v));
    }

    static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }
}
