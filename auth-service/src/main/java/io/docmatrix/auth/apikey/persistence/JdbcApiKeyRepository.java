package io.docmatrix.auth.apikey.persistence;

import io.docmatrix.auth.account.Role;
import io.docmatrix.auth.apikey.ApiKey;
import io.docmatrix.auth.apikey.ApiKeyRepository;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcApiKeyRepository implements ApiKeyRepository {

    private static final String SELECT =
            """
            SELECT k.id, k.tenant_id, t.name AS tenant, k.name, k.prefix, k.key_hash, k.role, k.created_by,
                   k.created_at, k.last_used_at, k.revoked_at
            FROM api_keys k JOIN tenants t ON t.id = k.tenant_id
            """;

    private final JdbcClient jdbc;

    JdbcApiKeyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void insert(ApiKey key) {
        jdbc.sql(
                        """
                        INSERT INTO api_keys (id, tenant_id, name, prefix, key_hash, role, created_by, created_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                        """)
                .params(
                        key.id(),
                        key.tenantId(),
                        key.name(),
                        key.prefix(),
                        key.hash(),
                        key.role().name(),
                        key.createdBy(),
                        Timestamp.from(key.createdAt()))
                .update();
    }

    @Override
    public List<ApiKey> list(UUID tenantId) {
        return jdbc.sql(SELECT + " WHERE k.tenant_id = ? ORDER BY k.created_at, k.id")
                .param(tenantId)
                .query(JdbcApiKeyRepository::key)
                .list();
    }

    @Override
    public Optional<ApiKey> find(UUID tenantId, UUID keyId) {
        return jdbc.sql(SELECT + " WHERE k.tenant_id = ? AND k.id = ?")
                .params(tenantId, keyId)
                .query(JdbcApiKeyRepository::key)
                .optional();
    }

    @Override
    public Optional<ApiKey> findByPrefix(String prefix) {
        return jdbc.sql(SELECT + " WHERE k.prefix = ?")
                .param(prefix)
                .query(JdbcApiKeyRepository::key)
                .optional();
    }

    @Override
    public boolean revoke(UUID tenantId, UUID keyId, Instant at) {
        return jdbc.sql("UPDATE api_keys SET revoked_at = ? WHERE tenant_id = ? AND id = ? AND revoked_at IS NULL")
                        .params(Timestamp.from(at), tenantId, keyId)
                        .update()
                == 1;
    }

    @Override
    public void touch(UUID keyId, Instant at, Duration interval) {
        jdbc.sql(
                        """
                        UPDATE api_keys SET last_used_at = ?
                        WHERE id = ? AND (last_used_at IS NULL OR last_used_at < ?)
                        """)
                .params(Timestamp.from(at), keyId, Timestamp.from(at.minus(interval)))
                .update();
    }

    private static ApiKey key(ResultSet rs, int row) throws SQLException {
        return new ApiKey(
                rs.getObject("id", UUID.class),
                rs.getObject("tenant_id", UUID.class),
                rs.getString("tenant"),
                rs.getString("name"),
                rs.getString("prefix"),
                rs.getBytes("key_hash"),
                Role.valueOf(rs.getString("role")),
                rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant(),
                instant(rs.getTimestamp("last_used_at")),
                instant(rs.getTimestamp("revoked_at")));
    }

    private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
