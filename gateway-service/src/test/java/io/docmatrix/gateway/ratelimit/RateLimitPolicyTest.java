package io.docmatrix.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.docmatrix.gateway.config.GatewayProperties.Budget;
import io.docmatrix.gateway.config.GatewayProperties.Budgets;
import io.docmatrix.gateway.config.GatewayProperties.RateLimits;
import io.docmatrix.gateway.config.GatewayProperties.TenantBudgets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RateLimitPolicyTest {

    private final RateLimitPolicy policy = new RateLimitPolicy(new RateLimits(
            RateLimits.Store.MEMORY,
            "rl:",
            10,
            new Budgets(null, null, null, null),
            Map.of("benchmark", new TenantBudgets(null, new Budget(5000, Duration.ofMinutes(1), 500), null))));

    @Test
    void appliesTheDocumentedDefaults() {
        assertThat(policy.perCaller(RouteClass.UPLOADS, "acme").requests()).isEqualTo(10);
        assertThat(policy.perCaller(RouteClass.QUERIES, "acme").requests()).isEqualTo(100);
        assertThat(policy.perCaller(RouteClass.LOGIN, null).requests()).isEqualTo(10);
        assertThat(policy.perCaller(RouteClass.OTHER, "acme").requests()).isEqualTo(600);
    }

    @Test
    void givesAConfiguredTenantItsOwnBudgetAndOthersTheDefault() {
        Limit benchmark = policy.perCaller(RouteClass.QUERIES, "benchmark");

        assertThat(benchmark.requests()).isEqualTo(5000);
        assertThat(benchmark.capacity()).isEqualTo(500);
        assertThat(policy.perCaller(RouteClass.UPLOADS, "benchmark").requests()).isEqualTo(10);
    }

    @Test
    void sizesTheTenantBucketAsAMultipleOfTheCallers() {
        Limit tenant = policy.perTenant(RouteClass.QUERIES, "acme");

        assertThat(tenant.requests()).isEqualTo(1000);
        assertThat(tenant.capacity()).isEqualTo(1000);
    }

    @Test
    void classifiesRoutesByCost() {
        assertThat(RouteClass.of("POST", "/api/v1/documents")).isEqualTo(RouteClass.UPLOADS);
        assertThat(RouteClass.of("POST", "/api/v1/query/stream")).isEqualTo(RouteClass.QUERIES);
        assertThat(RouteClass.of("POST", "/api/v1/auth/token")).isEqualTo(RouteClass.LOGIN);
        assertThat(RouteClass.of("GET", "/api/v1/documents")).isEqualTo(RouteClass.OTHER);
    }
}
