package io.docmatrix.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The test profile gives tenant {@code throttled} a query budget of 5 per minute with a burst of 5. */
class RateLimitIT extends GatewayIntegrationTest {

    @Autowired
    MeterRegistry meters;

    @Test
    void limitsABurstToTheTenantsBudgetWhileAnotherTenantIsUnaffected() {
        String throttled = Tokens.accessToken(Tokens.Caller.of("throttled", "VIEWER"));
        String calm = Tokens.accessToken(Tokens.Caller.of("calm", "VIEWER"));
        double refusedBefore = refusals("throttled");

        List<HttpResponse<String>> burst = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            burst.add(send("POST", "/api/v1/search", bearer(throttled)));
        }
        HttpResponse<String> otherTenant = send("POST", "/api/v1/search", bearer(calm));

        assertThat(burst).extracting(HttpResponse::statusCode).containsExactly(200, 200, 200, 200, 200, 429, 429, 429);
        assertThat(burst.get(0).headers().firstValue("RateLimit-Limit")).hasValue("5");
        assertThat(burst.get(0).headers().firstValue("RateLimit-Remaining")).hasValue("4");
        assertThat(burst.get(4).headers().firstValue("RateLimit-Remaining")).hasValue("0");
        assertThat(burst.get(0).headers().firstValue("RateLimit-Policy")).hasValue("\"queries\";q=5;w=60;burst=5");
        HttpResponse<String> limited = burst.get(5);
        assertThat(problemCode(limited)).isEqualTo("RATE_LIMITED");
        // One token comes back every 12 s at 5 per minute.
        assertThat(limited.headers().firstValue("Retry-After"))
                .hasValueSatisfying(
                        seconds -> assertThat(Long.parseLong(seconds)).isBetween(1L, 12L));
        assertThat(limited.headers().firstValue("RateLimit-Remaining")).hasValue("0");
        assertThat(refusals("throttled") - refusedBefore).isEqualTo(3.0);
        assertThat(otherTenant.statusCode()).isEqualTo(200);
        assertThat(otherTenant.headers().firstValue("RateLimit-Remaining"))
                .hasValueSatisfying(r -> assertThat(Long.parseLong(r)).isGreaterThan(100));
    }

    @Test
    void chargesOtherRouteClassesSeparately() {
        String throttled = Tokens.accessToken(Tokens.Caller.of("throttled", "VIEWER"));
        for (int i = 0; i < 6; i++) {
            send("POST", "/api/v1/query", bearer(throttled));
        }

        HttpResponse<String> documents = send("GET", "/api/v1/documents", bearer(throttled));

        assertThat(documents.statusCode()).isEqualTo(200);
    }

    private double refusals(String tenant) {
        Counter counter = meters.find("docmatrix.gateway.rate.limited")
                .tags("tenant", tenant, "route_class", "queries")
                .counter();
        return counter == null ? 0 : counter.count();
    }
}
