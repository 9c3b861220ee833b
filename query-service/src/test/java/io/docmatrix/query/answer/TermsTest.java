package io.docmatrix.query.answer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TermsTest {

    @Test
    void dropsStopWordsAndLowerCases() {
        assertThat(Terms.of("When does THE warranty expire?")).containsExactly("warranty", "expir");
    }

    @Test
    void conflatesInflectionsOfOneWord() {
        assertThat(Terms.of("expire expires expired expiring")).containsOnly("expir");
        assertThat(Terms.of("party parties")).containsOnly("party");
        assertThat(Terms.of("payment payments")).containsOnly("payment");
    }

    @Test
    void keepsNumbersAndDropsPossessives() {
        assertThat(Terms.of("The tenant's deposit is 2500 dollars"))
                .containsExactly("tenant", "deposit", "2500", "dollar");
    }
}
