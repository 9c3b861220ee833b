package io.docmatrix.auth.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

class PasswordsTest {

    private final Passwords passwords = new Passwords();

    @Test
    void hashesWithArgon2idByDefault() {
        String hash = passwords.hash("correct horse battery staple");

        assertThat(hash).startsWith("{argon2}$argon2id$");
        assertThat(passwords.matches("correct horse battery staple", hash)).isTrue();
        assertThat(passwords.matches("wrong horse battery staple", hash)).isFalse();
    }

    @Test
    void stillVerifiesBcryptHashes() {
        String hash = "{bcrypt}" + new BCryptPasswordEncoder().encode("correct horse battery staple");

        assertThat(passwords.matches("correct horse battery staple", hash)).isTrue();
    }

    @Test
    void checkingWithoutAnAccountNeverMatches() {
        assertThat(passwords.matchesNothing("dummy-password-that-never-matches"))
                .isFalse();
    }
}
