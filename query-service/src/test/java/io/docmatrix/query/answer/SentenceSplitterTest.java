package io.docmatrix.query.answer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SentenceSplitterTest {

    private static List<String> split(String text) {
        return SentenceSplitter.split(text).stream().map(s -> s.of(text)).toList();
    }

    @Test
    void splitsAtFullStopsQuestionAndExclamationMarks() {
        assertThat(split("The lease ends in May. Is it renewable? Yes!"))
                .containsExactly("The lease ends in May.", "Is it renewable?", "Yes!");
    }

    @Test
    void keepsAbbreviationsTitlesAndInitialsInsideTheSentence() {
        assertThat(split("Dr. Smith met Mr. J. R. Jones of Acme Inc. in Paris. They signed, e.g. the lease."))
                .containsExactly(
                        "Dr. Smith met Mr. J. R. Jones of Acme Inc. in Paris.", "They signed, e.g. the lease.");
    }

    @Test
    void neverSplitsDecimalsOrSectionNumbers() {
        assertThat(split("The fee is 4.5 percent under Section 4.2 of the agreement. Payment is due monthly."))
                .containsExactly(
                        "The fee is 4.5 percent under Section 4.2 of the agreement.", "Payment is due monthly.");
    }

    @Test
    void treatsNoBeforeANumberAsAnAbbreviationButNotAtTheEndOfASentence() {
        assertThat(split("See No. 5 for details. The answer was no. Then it changed."))
                .containsExactly("See No. 5 for details.", "The answer was no.", "Then it changed.");
    }

    @Test
    void endsSentencesAtListItemsParagraphsAndHeadings() {
        String text =
                "Termination\nEither party may terminate:\n- on notice\n- on breach\n\n1. First item\n2) Second item";

        assertThat(split(text))
                .containsExactly(
                        "Termination",
                        "Either party may terminate:",
                        "- on notice",
                        "- on breach",
                        "1. First item",
                        "2) Second item");
    }

    @Test
    void joinsLinesWrappedInsideASentence() {
        assertThat(split("The tenant shall pay the rent on the first day\nof each month. Late payment costs extra."))
                .containsExactly(
                        "The tenant shall pay the rent on the first day\nof each month.", "Late payment costs extra.");
    }

    @Test
    void keepsClosingQuotesWithTheirSentence() {
        assertThat(split("He said \"the deal is off.\" Then he left."))
                .containsExactly("He said \"the deal is off.\"", "Then he left.");
    }

    @Test
    void returnsSpansThatAreVerbatimSubstrings() {
        String text = "  First one.   Second one?\n\nThird one  ";

        List<SentenceSplitter.Span> spans = SentenceSplitter.split(text);

        assertThat(spans).hasSize(3);
        assertThat(spans.get(1).of(text)).isEqualTo("Second one?");
        assertThat(text.substring(spans.get(2).start(), spans.get(2).end())).isEqualTo("Third one");
    }
}
