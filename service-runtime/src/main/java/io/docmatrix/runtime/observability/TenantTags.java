package io.docmatrix.runtime.observability;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The value of a {@code tenant} metric tag, bounded: the first {@code max} tenants seen keep their own series, later
 * ones share {@value #OTHER}. Every tag value is a time series per meter in Prometheus, so an unbounded tenant tag lets
 * tenant sign-ups (or a bug that tags by something tenant-like) grow the metric store without limit; the first tenants
 * are the ones a dashboard already shows, and {@code max} is set above the tenants an installation expects.
 */
public final class TenantTags {

    /** The tag of tenants beyond the limit. */
    public static final String OTHER = "other";

    /** The tag when no tenant is known (e.g. a login charged to a client address). */
    public static final String NONE = "none";

    private final int max;
    private final Set<String> known = ConcurrentHashMap.newKeySet();

    public TenantTags(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("max must be positive");
        }
        this.max = max;
    }

    public String of(@Nullable String tenant) {
        if (tenant == null || tenant.isBlank()) {
            return NONE;
        }
        if (known.contains(tenant)) {
            return tenant;
        }
        synchronized (known) {
            if (known.size() < max) {
                known.add(tenant);
                return tenant;
            }
        }
        return OTHER;
    }
}
