package io.docmatrix.auth.account.persistence;

import io.docmatrix.auth.account.Tenant;
import io.docmatrix.auth.account.TenantRepository;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcTenantRepository implements TenantRepository {

    // Any constant shared by all instances; the transaction-scoped lock is released at commit.
    private static final long BOOTSTRAP_LOCK = 0x6175746862L;

    private final JdbcClient jdbc;

    JdbcTenantRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean insert(Tenant tenant) {
        return jdbc.sql("INSERT INTO tenants (id, name) VALUES (?, ?) ON CONFLICT (name) DO NOTHING")
                        .params(tenant.id(), tenant.name())
                        .update()
                == 1;
    }

    @Override
    public Optional<Tenant> findByName(String name) {
        return jdbc.sql("SELECT id, name FROM tenants WHERE name = ?")
                .param(name)
                .query((rs, row) -> new Tenant(rs.getObject("id", UUID.class), rs.getString("name")))
                .optional();
    }

    @Override
    public Optional<Tenant> findById(UUID id) {
        return jdbc.sql("SELECT id, name FROM tenants WHERE id = ?")
                .param(id)
                .query((rs, row) -> new Tenant(rs.getObject("id", UUID.class), rs.getString("name")))
                .optional();
    }

    @Override
    public void lockBootstrap() {
        jdbc.sql("SELECT pg_advisory_xact_lock(?)")
                .param(BOOTSTRAP_LOCK)
                .query()
                .singleRow();
    }
}
