package io.docmatrix.auth.account;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.docmatrix.auth.config.AuthProblem;
import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    @Test
    void acceptsPasswordsOfTwelveToOneHundredTwentyEightCharacters() {
        assertThatCode(() -> PasswordPolicy.check("a".repeat(12))).doesNotThrowAnyException();
        assertThatCode(() -> PasswordPolicy.check("a".repeat(128))).doesNotThrowAnyException();
    }

    @Test
    void rejectsShorterPasswords() {
        assertThatThrownBy(() -> PasswordPolicy.check("a".repeat(11)))
                .isInstanceOf(AuthProblem.class)
                .extracting("code")
                .isEqualTo("WEAK_PASSWORD");
    }

    @Test
    void rejectsLongerPasswords() {
        assertThatThrownBy(() -> PasswordPolicy.check("a".repeat(129))).isInstanceOf(AuthProblem.class);
    }

    @Test
    void countsCharactersNotUtf16Units() {
        String elevenEmoji = "\uD83D\uDD12".repeat(11);

        assertThatThrownBy(() -> PasswordPolicy.check(elevenEmoji)).isInstanceOf(AuthProblem.class);
    }

    @Test
    void rejectsPasswordsOfSpacesOnly() {
        assertThatThrownBy(() -> PasswordPolicy.check(" ".repeat(20))).isInstanceOf(AuthProblem.class);
    }
}
