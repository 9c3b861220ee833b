package io.docmatrix.auth.session.persistence;

import io.docmatrix.auth.session.RefreshToken;
import io.docmatrix.auth.session.RefreshTokenRepository;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcRefreshTokenRepository implements RefreshTokenRepository {

    private final JdbcClient jdbc;

    JdbcRefreshTokenRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void insert(RefreshToken token) {
        jdbc.sql(
                        """
                        INSERT INTO refresh_tokens (id, family_id, tenant_id, user_id, token_hash, issued_at, expires_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?)
                        """)
                .params(
                        token.id(),
                        token.familyId(),
                        token.tenantId(),
                        token.userId(),
                        token.hash(),
                        Timestamp.from(token.issuedAt()),
                        Timestamp.from(token.expiresAt()))
                .update();
    }

    @Override
    public Optional<RefreshToken> findByHashForUpdate(byte[] hash) {
        return jdbc.sql(
                        """
                        SELECT id, family_id, tenant_id, user_id, token_hash, issued_at, expires_at, used_at, revoked_at
                        FROM refresh_tokens WHERE token_hash = ? FOR UPDATE
                        """)
                .param(hash)
                .query(JdbcRefreshTokenRepository::token)
                .optional();
    }

    @Override
    public void markUsed(UUID id, Instant at) {
        jdbc.sql("UPDATE refresh_tokens SET used_at = ? WHERE id = ?")
                .params(Timestamp.from(at), id)
                .update();
    }

    @Override
    public void revokeFamily(UUID familyId, Instant at) {
        jdbc.sql("UPDATE refresh_tokens SET revoked_at = ? WHERE family_id = ? AND revoked_at IS NULL")
                .params(Timestamp.from(at), familyId)
                .update();
    }

    @Override
    public void revokeAllOfUser(UUID tenantId, UUID userId, Instant at) {
        jdbc.sql(
                        """
                        UPDATE refresh_tokens SET revoked_at = ?
                        WHERE tenant_id = ? AND user_id = ? AND revoked_at IS NULL
                        """)
                .params(Timestamp.from(at), tenantId, userId)
                .update();
    }

    private static RefreshToken token(ResultSet rs, int row) throws SQLException {
        return new RefreshToken(
                rs.getObject("id", UUID.class),
                rs.getObject("family_id", UUID.class),
                rs.getObject("tenant_id", UUID.class),
                rs.getObject("user_id", UUID.class),
                rs.getBytes("token_hash"),
                rs.getTimestamp("issued_at").toInstant(),
                rs.getTimestamp("expires_at").toInstant(),
                instant(rs.getTimestamp("used_at")),
                instant(rs.getTimestamp("revoked_at")));
    }

    private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
