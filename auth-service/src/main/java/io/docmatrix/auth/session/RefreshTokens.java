package io.docmatrix.auth.session;

import io.docmatrix.auth.account.UserSessions;
import io.docmatrix.auth.config.AuthProperties;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Refresh token families: a login starts one; every refresh exchanges the current member for a new one; presenting
 * an exchanged member again revokes the family. Tokens are 256 random bits, base64url, and only their SHA-256 hashes
 * are stored (a fast hash suffices for high-entropy secrets). Callers own the transaction.
 */
@Component
public class RefreshTokens implements UserSessions {

    private static final int TOKEN_BYTES = 32;

    private final RefreshTokenRepository repository;
    private final AuthProperties properties;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public RefreshTokens(RefreshTokenRepository repository, AuthProperties properties, Clock clock) {
        this.repository = repository;
        this.properties = properties;
        this.clock = clock;
    }

    /** The result of presenting a refresh token. */
    public sealed interface Exchange {
        /** The presented token was current; {@code token} is its successor. */
        record Rotated(RefreshToken presented, String token) implements Exchange {}

        /** The presented token had been exchanged before; its family is now revoked. */
        record Reused(RefreshToken presented) implements Exchange {}

        /** Unknown, revoked or expired. */
        record Rejected() implements Exchange {}
    }

    /** Starts a family for a fresh login and returns its first token. */
    @Transactional(propagation = Propagation.MANDATORY)
    public String startFamily(UUID tenantId, UUID userId) {
        return issue(UUID.randomUUID(), tenantId, userId, clock.instant());
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public Exchange exchange(String presented) {
        Optional<RefreshToken> found = repository.findByHashForUpdate(hash(presented));
        if (found.isEmpty()) {
            return new Exchange.Rejected();
        }
        RefreshToken token = found.get();
        Instant now = clock.instant();
        return switch (token.assess(now)) {
            case ACTIVE -> {
                repository.markUsed(token.id(), now);
                yield new Exchange.Rotated(token, issue(token.familyId(), token.tenantId(), token.userId(), now));
            }
            case REUSED -> {
                repository.revokeFamily(token.familyId(), now);
                yield new Exchange.Reused(token);
            }
            case REVOKED, EXPIRED -> new Exchange.Rejected();
        };
    }

    /** Ends the family the presented token belongs to; unknown tokens are ignored so logout reveals nothing. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void revokeFamilyOf(String presented) {
        repository
                .findByHashForUpdate(hash(presented))
                .ifPresent(token -> repository.revokeFamily(token.familyId(), clock.instant()));
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void revokeFamily(UUID familyId) {
        repository.revokeFamily(familyId, clock.instant());
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void revokeAll(UUID tenantId, UUID userId) {
        repository.revokeAllOfUser(tenantId, userId, clock.instant());
    }

    private String issue(UUID familyId, UUID tenantId, UUID userId, Instant now) {
        byte[] secret = new byte[TOKEN_BYTES];
        random.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        repository.insert(new RefreshToken(
                UUID.randomUUID(),
                familyId,
                tenantId,
                userId,
                hash(token),
                now,
                now.plus(properties.refreshTokenTtl()),
                null,
                null));
        return token;
    }

    static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is unavailable", e);
        }
    }
}
