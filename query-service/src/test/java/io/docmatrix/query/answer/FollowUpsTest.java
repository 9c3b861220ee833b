package io.docmatrix.query.answer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class FollowUpsTest {

    private final List<Turn> turns = List.of(new Turn("How long is the product warranty?", "Two years."));

    @Test
    void expandsAShortFollowUpWithThePreviousQuestionsContentWords() {
        assertThat(FollowUps.expand("and when does it expire?", turns))
                .startsWith("and when does it expire?")
                .contains("product", "warranty");
    }

    @Test
    void leavesAQuestionThatStandsOnItsOwnAlone() {
        String question = "Which court has jurisdiction over disputes between landlord and tenant?";

        assertThat(FollowUps.expand(question, turns)).isEqualTo(question);
    }

    @Test
    void leavesTheFirstQuestionOfAConversationAlone() {
        assertThat(FollowUps.expand("and when does it expire?", List.of())).isEqualTo("and when does it expire?");
    }
}
