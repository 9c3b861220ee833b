package io.docmatrix.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.docmatrix.gateway.config.GatewayProperties;
import io.docmatrix.runtime.config.RefreshableProperties;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Rate limits follow the configuration without a restart: an operator's edit (here a property source standing for the
 * config server's answer) is applied by {@code POST /actuator/refresh} and enforced by the real rate-limit filter on
 * the next requests; an invalid edit is refused and the budget in force stays.
 */
class ConfigRefreshIT extends GatewayIntegrationTest {

    private static final String EDIT = "operator-edit";

    @Autowired
    ConfigurableEnvironment environment;

    @Autowired
    RefreshableProperties<GatewayProperties.RateLimits> rateLimits;

    private final Map<String, Object> edited = new ConcurrentHashMap<>();
    private final String platformAdmin = Tokens.accessToken(Tokens.Caller.of("demo", "PLATFORM_ADMIN"));

    @BeforeEach
    void served() {
        environment.getPropertySources().addFirst(new MapPropertySource(EDIT, edited));
    }

    @AfterEach
    void restored() {
        environment.getPropertySources().remove(EDIT);
        refresh(platformAdmin);
    }

    @Test
    void enforcesARefreshedTenantBudgetOnTheNextRequests() {
        String tenant = "refreshed-" + System.nanoTime();
        String caller = Tokens.accessToken(Tokens.Caller.of(tenant, "VIEWER"));
        assertThat(searches(caller, 3)).containsExactly(200, 200, 200);
        edited.put("gateway.rate-limits.tenants." + tenant + ".queries.requests", "2");
        edited.put("gateway.rate-limits.tenants." + tenant + ".queries.burst", "2");

        HttpResponse<String> refreshed = refresh(platformAdmin);

        assertThat(refreshed.statusCode()).isEqualTo(200);
        assertThat(searches(caller, 3)).containsExactly(200, 200, 429);
    }

    @Test
    void keepsTheBudgetInForceWhenARefreshedValueIsInvalid() {
        String tenant = "invalid-edit-" + System.nanoTime();
        String caller = Tokens.accessToken(Tokens.Caller.of(tenant, "VIEWER"));
        edited.put("gateway.rate-limits.tenants." + tenant + ".queries.requests", "3");
        refresh(platformAdmin);
        edited.put("gateway.rate-limits.tenants." + tenant + ".queries.requests", "0");

        HttpResponse<String> refreshed = refresh(platformAdmin);

        assertThat(refreshed.statusCode()).isEqualTo(200);
        assertThat(rateLimits.lastRejection())
                .startsWith("Invalid configuration: gateway.rate-limits.tenants." + tenant
                        + ".queries.requests (0): must be greater than 0");
        assertThat(searches(caller, 4)).containsExactly(200, 200, 200, 429);
    }

    @Test
    void letsOnlyAPlatformAdministratorRefreshTheGateway() {
        HttpResponse<String> admin = refresh(Tokens.accessToken(Tokens.Caller.of("demo", "ADMIN")));
        HttpResponse<String> anonymous = send("POST", "/actuator/refresh", Map.of());
        HttpResponse<String> otherEndpoint = send("GET", "/actuator/env", bearer(platformAdmin));

        assertThat(admin.statusCode()).isEqualTo(403);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(otherEndpoint.statusCode()).isEqualTo(403);
    }

    private HttpResponse<String> refresh(String token) {
        return send("POST", "/actuator/refresh", bearer(token));
    }

    private List<Integer> searches(String token, int count) {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            statuses.add(send("POST", "/api/v1/search", bearer(token)).statusCode());
        }
        return statuses;
    }
}
