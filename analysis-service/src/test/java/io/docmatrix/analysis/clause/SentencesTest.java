package io.docmatrix.analysis.clause;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SentencesTest {

    @Test
    void splitsAtSentencesAndBlankLinesAndTrimsEachSpan() {
        String text = "  ASSIGNMENT AND DELEGATION\n\nNeither party may assign this Agreement. Any attempt is void.  ";

        List<String> sentences = texts(text);

        assertThat(sentences)
                .containsExactly(
                        "ASSIGNMENT AND DELEGATION",
                        "Neither party may assign this Agreement.",
                        "Any attempt is void.");
    }

    @Test
    void cutsOverlongSentencesIntoPiecesThatFitAndCoverTheText() {
        String clause = "the Supplier shall deliver the goods to the premises named in the order; ";
        String text = "Whereas " + clause.repeat(40) + "and so on.";
        String noSeparators = "x".repeat(2000);

        List<Sentences.Span> spans = Sentences.of(text);
        List<Sentences.Span> hard = Sentences.of(noSeparators);

        assertThat(spans).hasSizeGreaterThan(3);
        assertThat(spans).allSatisfy(s -> assertThat(s.end() - s.start()).isLessThanOrEqualTo(Sentences.MAX_CHARS));
        assertThat(spans.get(0).start()).isZero();
        assertThat(spans.get(spans.size() - 1).end()).isEqualTo(text.length());
        assertThat(hard).allSatisfy(s -> assertThat(s.end() - s.start()).isLessThanOrEqualTo(Sentences.MAX_CHARS));
        assertThat(hard.stream().mapToInt(s -> s.end() - s.start()).sum()).isEqualTo(2000);
    }

    private static List<String> texts(String text) {
        return Sentences.of(text).stream()
                .map(s -> text.substring(s.start(), s.end()))
                .toList();
    }
}
