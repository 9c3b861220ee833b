package io.docmatrix.auth.session;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One member of a refresh token family. Only the SHA-256 hash of the token is stored: a database leak yields nothing
 * that can be presented.
 *
 * @param familyId all tokens descending from one login share it; reuse of any used member revokes them all
 * @param usedAt when it was exchanged for its successor; null while it is the family's current token
 * @param revokedAt when it was revoked by logout, reuse detection, a disabled account or a password change
 */
public record RefreshToken(
        UUID id,
        UUID familyId,
        UUID tenantId,
        UUID userId,
        byte[] hash,
        Instant issuedAt,
        Instant expiresAt,
        @Nullable Instant usedAt,
        @Nullable Instant revokedAt) {

    /** What presenting this token means. */
    public enum Assessment {
        /** The family's current token: exchange it. */
        ACTIVE,
        /** Already exchanged once: someone holds a copy, so the family must end (RFC 9700 section 4.14.2). */
        REUSED,
        REVOKED,
        EXPIRED
    }

    public Assessment assess(Instant now) {
        // Reuse is checked first: a replayed token is evidence of theft even after the family was revoked.
        if (usedAt != null) {
            return Assessment.REUSED;
        }
        if (revokedAt != null) {
            return Assessment.REVOKED;
        }
        if (!expiresAt.isAfter(now)) {
            return Assessment.EXPIRED;
        }
        return Assessment.ACTIVE;
    }
}
