package io.docmatrix.auth.session;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** Refresh tokens in a map, for unit tests. */
class InMemoryRefreshTokenRepository implements RefreshTokenRepository {

    private final Map<UUID, RefreshToken> tokens = new ConcurrentHashMap<>();

    @Override
    public void insert(RefreshToken token) {
        tokens.put(token.id(), token);
    }

    @Override
    public Optional<RefreshToken> findByHashForUpdate(byte[] hash) {
        return tokens.values().stream()
                .filter(t -> Arrays.equals(t.hash(), hash))
                .findFirst();
    }

    @Override
    public void markUsed(UUID id, Instant at) {
        tokens.computeIfPresent(id, (key, t) -> copy(t, at, t.revokedAt()));
    }

    @Override
    public void revokeFamily(UUID familyId, Instant at) {
        tokens.replaceAll(
                (id, t) -> t.familyId().equals(familyId) && t.revokedAt() == null ? copy(t, t.usedAt(), at) : t);
    }

    @Override
    public void revokeAllOfUser(UUID tenantId, UUID userId, Instant at) {
        tokens.replaceAll((id, t) -> t.tenantId().equals(tenantId) && t.userId().equals(userId) && t.revokedAt() == null
                ? copy(t, t.usedAt(), at)
                : t);
    }

    List<RefreshToken> all() {
        return List.copyOf(tokens.values());
    }

    private static RefreshToken copy(RefreshToken t, Instant usedAt, Instant revokedAt) {
        return new RefreshToken(
                t.id(),
                t.familyId(),
                t.tenantId(),
                t.userId(),
                t.hash(),
                t.issuedAt(),
                t.expiresAt(),
                usedAt,
                revokedAt);
    }
}
