package io.docmatrix.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code GET /api/v1/admin/features} lists the gateway's flags and each service's, for tenant administrators only. */
class AdminFeaturesIT extends GatewayIntegrationTest {

    @Test
    @SuppressWarnings("unchecked")
    void listsTheFlagsOfTheGatewayAndEveryServiceToAnAdministrator() {
        String admin = Tokens.accessToken(Tokens.Caller.of("demo", "ADMIN"));

        HttpResponse<String> response = send("GET", "/api/v1/admin/features", bearer(admin));

        assertThat(response.statusCode()).isEqualTo(200);
        List<Map<String, Object>> services =
                (List<Map<String, Object>>) echo(response).get("services");
        assertThat(services)
                .extracting(s -> s.get("service"))
                .containsExactly(
                        "gateway-service", "auth-service", "ingestion-service", "analysis-service", "query-service");
        assertThat(services).extracting(s -> s.get("status")).containsOnly("UP");
        assertThat(services.get(4).get("flags")).isEqualTo(FakeBackend.FLAGS);
    }

    @Test
    void refusesCallersBelowAdministrator() {
        String analyst = Tokens.accessToken(Tokens.Caller.of("demo", "ANALYST"));

        HttpResponse<String> response = send("GET", "/api/v1/admin/features", bearer(analyst));
        HttpResponse<String> anonymous = send("GET", "/api/v1/admin/features", Map.of());

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(anonymous.statusCode()).isEqualTo(401);
    }
}
