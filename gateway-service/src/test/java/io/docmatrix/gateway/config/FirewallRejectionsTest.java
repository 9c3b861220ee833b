package io.docmatrix.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;
import tools.jackson.databind.json.JsonMapper;

class FirewallRejectionsTest {

    private final FirewallRejections rejections = new FirewallRejections(
            new ProblemJsonErrorHandler(JsonMapper.builder().build()));

    @Test
    void answersAPathTheFirewallRefusesWithAProblemCarryingAStableCode() {
        // The SQL-injection payload the abuse suite put into a document id: an encoded semicolon.
        MockServerWebExchange exchange = MockServerWebExchange.from(
                MockServerHttpRequest.get("/api/v1/documents/%27%3B%20SELECT%20pg_sleep%283%29"));
        ServerExchangeRejectedException rejected = firewallRejection(exchange);

        rejections.handle(exchange, rejected).block();

        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(exchange.getResponse().getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(exchange.getResponse().getBodyAsString().block())
                .contains("\"code\":\"BAD_REQUEST\"")
                .doesNotContain("Exception")
                .doesNotContain("firewall");
    }

    private static ServerExchangeRejectedException firewallRejection(MockServerWebExchange exchange) {
        try {
            new StrictServerWebExchangeFirewall()
                    .getFirewalledExchange(exchange)
                    .block();
        } catch (ServerExchangeRejectedException e) {
            return e;
        }
        throw new AssertionError("the firewall let the payload through; the test's premise is gone");
    }
}
