package io.docmatrix.analysis.settings.persistence;

import io.docmatrix.analysis.settings.TenantSettings;
import io.docmatrix.analysis.settings.TenantSettingsRepository;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The staging listeners read {@code automatic_analysis} in their own SQL (the version's first event decides), so this
 * table is read there too; this class serves the API.
 */
@Repository
class JdbcTenantSettingsRepository implements TenantSettingsRepository {

    private final JdbcClient jdbc;

    JdbcTenantSettingsRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public TenantSettings find(UUID tenantId) {
        return jdbc.sql(
                        "SELECT automatic_analysis, updated_at, updated_by FROM tenant_setting WHERE tenant_id = :tenant")
                .param("tenant", tenantId)
                .query((rs, n) -> new TenantSettings(
                        rs.getBoolean("automatic_analysis"),
                        rs.getObject("updated_at", OffsetDateTime.class).toInstant(),
                        rs.getString("updated_by")))
                .optional()
                .orElse(TenantSettings.DEFAULTS);
    }

    @Override
    public TenantSettings save(UUID tenantId, boolean automaticAnalysis, String updatedBy) {
        jdbc.sql(
                        """
                        INSERT INTO tenant_setting (tenant_id, automatic_analysis, updated_by)
                        VALUES (:tenant, :automatic, :by)
                        ON CONFLICT (tenant_id) DO UPDATE
                           SET automatic_analysis = EXCLUDED.automatic_analysis, updated_at = now(),
                               updated_by = EXCLUDED.updated_by
                        """)
                .param("tenant", tenantId)
                .param("automatic", automaticAnalysis)
                .param("by", updatedBy)
                .update();
        return find(tenantId);
    }
}
