package io.docmatrix.analysis.settings;

import java.util.UUID;

/** Every call is confined to one tenant. */
public interface TenantSettingsRepository {

    /** The tenant's settings, the defaults when it never changed them. */
    TenantSettings find(UUID tenantId);

    TenantSettings save(UUID tenantId, boolean automaticAnalysis, String updatedBy);
}
