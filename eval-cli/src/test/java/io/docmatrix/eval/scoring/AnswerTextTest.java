package io.docmatrix.eval.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class AnswerTextTest {

    @Test
    void squadNormalisationDropsCasePunctuationArticlesAndExtraSpace() {
        assertThat(AnswerText.squadNormalize("The  Quick, brown fox!  ")).isEqualTo("quick brown fox");
        assertThat(AnswerText.squadNormalize("An apple a day")).isEqualTo("apple day");
    }

    @Test
    void tokenF1MatchesTheSquadDefinition() {
        // prediction tokens: tesla died in 1943 (4); gold: 1943 (1); common 1 -> P 1/4, R 1 -> F1 0.4
        assertThat(AnswerText.tokenF1("Tesla died in 1943.", "1943")).isCloseTo(0.4, within(1e-12));
        assertThat(AnswerText.tokenF1("the 1943", "1943")).isEqualTo(1.0);
        assertThat(AnswerText.tokenF1("New York", "1943")).isZero();
    }

    @Test
    void tokenF1CountsRepeatedTokensOnlyAsOftenAsTheGoldHasThem() {
        // prediction: new new york (3), gold: new york (2): common 2 -> P 2/3, R 1 -> F1 0.8
        assertThat(AnswerText.tokenF1("new new york", "New York")).isCloseTo(0.8, within(1e-12));
    }

    @Test
    void bestTokenF1TakesTheBestGold() {
        assertThat(AnswerText.bestTokenF1("in 1943", List.of("January 1943", "1943")))
                .isCloseTo(2 / 3.0, within(1e-12));
    }

    @Test
    void containmentIgnoresCaseAndWhitespaceButKeepsPunctuation() {
        assertThat(AnswerText.containsAny("He lived in\nNew   York hotels for years.", List.of("new york hotels")))
                .isTrue();
        assertThat(AnswerText.containsAny("The rate is 3.5%.", List.of("3.5%"))).isTrue();
        assertThat(AnswerText.containsAny("The rate is 35%.", List.of("3.5%"))).isFalse();
        assertThat(AnswerText.containsAny("anything", List.of(""))).isFalse();
    }

    @Test
    void sentencesEndAtTerminatorsFollowedBySpaceOrTheEnd() {
        assertThat(AnswerText.sentenceCount("")).isZero();
        assertThat(AnswerText.sentenceCount("One. Two! Three?")).isEqualTo(3);
        assertThat(AnswerText.sentenceCount("It costs 3.5 dollars. Then more")).isEqualTo(2);
        assertThat(AnswerText.sentenceCount("No terminator")).isEqualTo(1);
    }
}
