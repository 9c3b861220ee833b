package io.docmatrix.analysis.settings;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A tenant's analysis settings.
 *
 * @param automaticAnalysis whether a document version is analysed once all its chunks arrived; off, versions first
 *     seen from then on are neither staged nor analysed (a later version of the document is, once it is on again)
 * @param updatedAt when an administrator last changed them; null while the tenant has the defaults
 * @param updatedBy who changed them last; null while the tenant has the defaults
 */
public record TenantSettings(boolean automaticAnalysis, @Nullable Instant updatedAt, @Nullable String updatedBy) {

    public static final TenantSettings DEFAULTS = new TenantSettings(true, null, null);
}
