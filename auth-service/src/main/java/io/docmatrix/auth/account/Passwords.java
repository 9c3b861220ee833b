package io.docmatrix.auth.account;

import java.util.Map;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Hashes and checks passwords: Argon2id by default, with the algorithm id stored in the hash ({@code {argon2}...}) so
 * the default can change later without invalidating stored hashes; bcrypt hashes still verify.
 */
@Component
public class Passwords {

    private final PasswordEncoder encoder;
    // Checked when the account does not exist, so an unknown user costs as much time as a wrong password.
    private final String dummyHash;

    public Passwords() {
        this.encoder = new DelegatingPasswordEncoder(
                "argon2",
                Map.of(
                        "argon2",
                        Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8(),
                        "bcrypt",
                        new BCryptPasswordEncoder()));
        this.dummyHash = encoder.encode("dummy-password-that-never-matches");
    }

    /** Checks the policy and hashes. */
    public String hash(String password) {
        PasswordPolicy.check(password);
        return encoder.encode(password);
    }

    public boolean matches(String password, String hash) {
        return encoder.matches(password, hash);
    }

    /** Spends the time of one verification without any account, and always fails. */
    public boolean matchesNothing(String password) {
        encoder.matches(password, dummyHash);
        return false;
    }
}
