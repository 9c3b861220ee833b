package io.docmatrix.gateway.ratelimit;

import io.docmatrix.gateway.config.GatewayProperties;
import io.docmatrix.gateway.config.GatewayProperties.Budget;
import io.docmatrix.gateway.config.GatewayProperties.TenantBudgets;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Which budget applies: the tenant's override for the route class if it has one, else the default. A caller (user or
 * API key) gets that budget, its tenant as a whole {@code tenantMultiplier} times it. A tenant running benchmarks or
 * evaluations gets a larger budget here, by configuration; limits are never switched off. The budgets are read on
 * every request from a supplier, so budgets refreshed from the config server apply to the next request.
 */
public final class RateLimitPolicy {

    private final Supplier<GatewayProperties.RateLimits> settings;

    public RateLimitPolicy(Supplier<GatewayProperties.RateLimits> settings) {
        this.settings = settings;
    }

    public RateLimitPolicy(GatewayProperties.RateLimits settings) {
        this(() -> settings);
    }

    public Limit perCaller(RouteClass routeClass, @Nullable String tenant) {
        return Limit.of(routeClass.label(), budget(routeClass, tenant));
    }

    public Limit perTenant(RouteClass routeClass, @Nullable String tenant) {
        return perCaller(routeClass, tenant).times(settings.get().tenantMultiplier());
    }

    private Budget budget(RouteClass routeClass, @Nullable String tenant) {
        GatewayProperties.RateLimits current = settings.get();
        GatewayProperties.Budgets defaults = current.defaults();
        TenantBudgets overrides = tenant == null ? null : current.tenants().get(tenant);
        Budget override = overrides == null
                ? null
                : switch (routeClass) {
                    case UPLOADS -> overrides.uploads();
                    case QUERIES -> overrides.queries();
                    case OTHER -> overrides.other();
                    case LOGIN -> null;
                };
        if (override != null) {
            return override;
        }
        return switch (routeClass) {
            case UPLOADS -> defaults.uploads();
            case QUERIES -> defaults.queries();
            case LOGIN -> defaults.login();
            case OTHER -> defaults.other();
        };
    }
}
