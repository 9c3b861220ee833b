package io.docmatrix.auth.account;

import io.docmatrix.auth.config.AuthProblem;

/**
 * Length is the only composition rule (NIST SP 800-63B): at least 12 characters; at most 128 so a hash request cannot
 * be turned into a CPU sink. Characters are counted as code points, so emoji and accents count once.
 */
public final class PasswordPolicy {

    static final int MIN_LENGTH = 12;
    static final int MAX_LENGTH = 128;

    private PasswordPolicy() {}

    /** @throws AuthProblem with code {@code WEAK_PASSWORD} when the password breaks the policy */
    public static void check(String password) {
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH || length > MAX_LENGTH) {
            throw AuthProblem.invalid(
                    "WEAK_PASSWORD",
                    "A password must have between " + MIN_LENGTH + " and " + MAX_LENGTH + " characters.");
        }
        if (password.isBlank()) {
            throw AuthProblem.invalid("WEAK_PASSWORD", "A password must not consist of spaces only.");
        }
    }
}
