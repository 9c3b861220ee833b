package io.docmatrix.auth.account;

import io.docmatrix.auth.config.AuthProblem;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Tenant slugs and usernames are compared case-insensitively by storing them lower case, so {@code Alice} and
 * {@code alice} can never be two accounts.
 */
public final class Names {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?");
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._@-]{0,63}");

    private Names() {}

    /** The canonical form used for look-ups: trimmed and lower case. Never fails, so login can use it on any input. */
    public static String canonical(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }

    static String tenantSlug(String name) {
        String slug = canonical(name);
        if (!SLUG.matcher(slug).matches()) {
            throw AuthProblem.invalid(
                    "INVALID_TENANT_NAME",
                    "A tenant name has 1 to 63 lower-case letters, digits and inner hyphens, e.g. acme-legal.");
        }
        return slug;
    }

    static String username(String name) {
        String username = canonical(name);
        if (!USERNAME.matcher(username).matches()) {
            throw AuthProblem.invalid(
                    "INVALID_USERNAME",
                    "A username has 1 to 64 letters, digits or . _ @ - and starts with a letter or digit.");
        }
        return username;
    }
}
