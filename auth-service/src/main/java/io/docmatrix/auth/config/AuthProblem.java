package io.docmatrix.auth.config;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * A refusal the features raise on purpose, without knowing HTTP: {@link AuthProblemResponses} turns it into
 * problem+json with the stable {@code code}. Feature roots may not see web types, which is why this is not an
 * {@code ApiProblem}.
 */
public final class AuthProblem extends RuntimeException {

    /** The class of refusal, which decides the HTTP status. */
    public enum Kind {
        INVALID,
        UNAUTHENTICATED,
        FORBIDDEN,
        NOT_FOUND,
        CONFLICT,
        THROTTLED
    }

    private final Kind kind;
    private final String code;
    private final @Nullable Duration retryAfter;

    public AuthProblem(Kind kind, String code, String detail) {
        this(kind, code, detail, null);
    }

    private AuthProblem(Kind kind, String code, String detail, @Nullable Duration retryAfter) {
        super(detail, null, false, false);
        this.kind = kind;
        this.code = code;
        this.retryAfter = retryAfter;
    }

    public static AuthProblem forbidden() {
        return new AuthProblem(Kind.FORBIDDEN, "FORBIDDEN", "Your roles do not allow this.");
    }

    public static AuthProblem notFound(String what) {
        return new AuthProblem(Kind.NOT_FOUND, "NOT_FOUND", what + " not found");
    }

    public static AuthProblem invalid(String code, String detail) {
        return new AuthProblem(Kind.INVALID, code, detail);
    }

    public static AuthProblem throttled(String code, String detail, Duration retryAfter) {
        return new AuthProblem(Kind.THROTTLED, code, detail, retryAfter);
    }

    public Kind kind() {
        return kind;
    }

    public String code() {
        return code;
    }

    public @Nullable Duration retryAfter() {
        return retryAfter;
    }
}
