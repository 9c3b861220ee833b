package io.docmatrix.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EdgeIT extends GatewayIntegrationTest {

    private static final String ANALYST = Tokens.accessToken(Tokens.Caller.of("acme", "ANALYST"));

    @Test
    void refusesAJsonBodyOverTheLimitWith413() {
        byte[] body = new byte[1024 * 1024 + 1];

        HttpResponse<String> response =
                send("POST", "/api/v1/search", json(), HttpRequest.BodyPublishers.ofByteArray(body));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(problemCode(response)).isEqualTo("PAYLOAD_TOO_LARGE");
    }

    @Test
    void refusesAChunkedBodyOnceItPassesTheLimitWhileStreaming() {
        byte[] body = new byte[1024 * 1024 + 64 * 1024];

        HttpResponse<String> response = send(
                "POST",
                "/api/v1/search",
                json(),
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(problemCode(response)).isEqualTo("PAYLOAD_TOO_LARGE");
    }

    @Test
    void letsAnUploadLargerThanTheJsonLimitThrough() {
        byte[] body = new byte[3 * 1024 * 1024];

        HttpResponse<String> response =
                send("POST", "/api/v1/documents", bearer(ANALYST), HttpRequest.BodyPublishers.ofByteArray(body));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(((Number) echo(response).get("bodyBytes")).intValue()).isEqualTo(body.length);
    }

    @Test
    void answersCorsPreflightOnlyForConfiguredOrigins() {
        Map<String, String> allowed = Map.of("Origin", "https://app.example", "Access-Control-Request-Method", "POST");
        Map<String, String> other = Map.of("Origin", "https://evil.example", "Access-Control-Request-Method", "POST");

        HttpResponse<String> fromApp = send("OPTIONS", "/api/v1/search", allowed);
        HttpResponse<String> fromElsewhere = send("OPTIONS", "/api/v1/search", other);

        assertThat(fromApp.statusCode()).isEqualTo(200);
        assertThat(fromApp.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://app.example");
        assertThat(fromElsewhere.statusCode()).isEqualTo(403);
        assertThat(fromElsewhere.headers().firstValue("Access-Control-Allow-Origin"))
                .isEmpty();
    }

    @Test
    void proxiesEachServicesOpenApiDocumentForTheSwaggerUi() {
        HttpResponse<String> response = send("GET", "/v3/api-docs/ingestion", Map.of());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(echo(response)).containsEntry("path", "/v3/api-docs");
    }

    @Test
    void servesTheSwaggerUiWithARelaxedButFrameProofPolicy() {
        HttpResponse<String> page = send("GET", "/webjars/swagger-ui/index.html", Map.of());
        HttpResponse<String> config = send("GET", "/v3/api-docs/swagger-config", Map.of());

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(
                        csp -> assertThat(csp).contains("default-src 'self'").contains("frame-ancestors 'none'"));
        assertThat(config.body()).contains("/v3/api-docs/auth", "/v3/api-docs/query");
    }

    private static Map<String, String> json() {
        Map<String, String> headers = new HashMap<>(bearer(ANALYST));
        headers.put("Content-Type", "application/json");
        return headers;
    }
}
