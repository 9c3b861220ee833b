package io.docmatrix.auth.session;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Stored refresh tokens. */
public interface RefreshTokenRepository {

    void insert(RefreshToken token);

    /** The token with this hash, locked until the transaction ends so two concurrent refreshes cannot both win. */
    Optional<RefreshToken> findByHashForUpdate(byte[] hash);

    void markUsed(UUID id, Instant at);

    void revokeFamily(UUID familyId, Instant at);

    void revokeAllOfUser(UUID tenantId, UUID userId, Instant at);
}
