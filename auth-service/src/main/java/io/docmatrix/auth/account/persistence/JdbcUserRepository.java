package io.docmatrix.auth.account.persistence;

import io.docmatrix.auth.account.Role;
import io.docmatrix.auth.account.User;
import io.docmatrix.auth.account.UserRepository;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Every statement filters by {@code tenant_id}: the tenant boundary is enforced in SQL, not only in code above. */
@Repository
class JdbcUserRepository implements UserRepository {

    private static final String SELECT =
            """
            SELECT u.id, u.tenant_id, u.username, u.password_hash, u.enabled, u.created_at,
                   coalesce(array_agg(r.role ORDER BY r.role) FILTER (WHERE r.role IS NOT NULL), '{}') AS roles
            FROM users u LEFT JOIN user_roles r ON r.user_id = u.id
            """;

    private final JdbcClient jdbc;

    JdbcUserRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean insert(User user) {
        int inserted = jdbc.sql(
                        """
                        INSERT INTO users (id, tenant_id, username, password_hash, enabled, created_at)
                        VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (tenant_id, username) DO NOTHING
                        """)
                .params(
                        user.id(),
                        user.tenantId(),
                        user.username(),
                        user.passwordHash(),
                        user.enabled(),
                        Timestamp.from(user.createdAt()))
                .update();
        if (inserted == 0) {
            return false;
        }
        insertRoles(user.id(), user.roles());
        return true;
    }

    @Override
    public Optional<User> find(UUID tenantId, UUID userId) {
        return jdbc.sql(SELECT + " WHERE u.tenant_id = ? AND u.id = ? GROUP BY u.id")
                .params(tenantId, userId)
                .query(JdbcUserRepository::user)
                .optional();
    }

    @Override
    public Optional<User> findByUsername(UUID tenantId, String username) {
        return jdbc.sql(SELECT + " WHERE u.tenant_id = ? AND u.username = ? GROUP BY u.id")
                .params(tenantId, username)
                .query(JdbcUserRepository::user)
                .optional();
    }

    @Override
    public List<User> list(UUID tenantId) {
        return jdbc.sql(SELECT + " WHERE u.tenant_id = ? GROUP BY u.id ORDER BY u.username")
                .param(tenantId)
                .query(JdbcUserRepository::user)
                .list();
    }

    @Override
    public void setEnabled(UUID tenantId, UUID userId, boolean enabled) {
        jdbc.sql("UPDATE users SET enabled = ?, updated_at = now() WHERE tenant_id = ? AND id = ?")
                .params(enabled, tenantId, userId)
                .update();
    }

    @Override
    public void setRoles(UUID tenantId, UUID userId, Set<Role> roles) {
        int owned = jdbc.sql("UPDATE users SET updated_at = now() WHERE tenant_id = ? AND id = ?")
                .params(tenantId, userId)
                .update();
        if (owned == 0) {
            return;
        }
        jdbc.sql("DELETE FROM user_roles WHERE user_id = ?").param(userId).update();
        insertRoles(userId, roles);
    }

    @Override
    public void setPasswordHash(UUID tenantId, UUID userId, String passwordHash) {
        jdbc.sql("UPDATE users SET password_hash = ?, updated_at = now() WHERE tenant_id = ? AND id = ?")
                .params(passwordHash, tenantId, userId)
                .update();
    }

    private void insertRoles(UUID userId, Set<Role> roles) {
        for (Role role : roles) {
            jdbc.sql("INSERT INTO user_roles (user_id, role) VALUES (?, ?)")
                    .params(userId, role.name())
                    .update();
        }
    }

    private static User user(ResultSet rs, int row) throws SQLException {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Array array = rs.getArray("roles");
        for (Object role : (Object[]) array.getArray()) {
            roles.add(Role.valueOf((String) role));
        }
        return new User(
                rs.getObject("id", UUID.class),
                rs.getObject("tenant_id", UUID.class),
                rs.getString("username"),
                rs.getString("password_hash"),
                rs.getBoolean("enabled"),
                roles,
                rs.getTimestamp("created_at").toInstant());
    }
}
