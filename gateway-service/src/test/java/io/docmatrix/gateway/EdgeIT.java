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
    void refusesAJsonBodyOverTheLimitWith413BeforeReadingIt() throws Exception {
        // A raw socket announces a body over the limit and sends none of it: the gateway must answer from the
        // Content-Length alone (an HTTP client would race its own body upload against the refusal).
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            String head = "POST /api/v1/search HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + ANALYST
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + (1024 * 1024 + 1) + "\r\n\r\n";
            socket.getOutputStream().write(head.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();

            String answer =
                    new String(socket.getInputStream().readNBytes(4096), java.nio.charset.StandardCharsets.UTF_8);

            assertThat(answer).startsWith("HTTP/1.1 413").contains("\"code\":\"PAYLOAD_TOO_LARGE\"");
        }
    }

    @Test
    void refusesAChunkedBodyOnceItPassesTheLimitWhileStreaming() {
        byte[] body = new byte[1024 * 1024 + 64 * 1024];

        HttpResponse<String> response = sendOnOwnConnection(
                "POST",
                "/api/v1/search",
                json(),
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(problemCode(response)).isEqualTo("PAYLOAD_TOO_LARGE");
    }

    @Test
    void letsAnUploadLargerThanTheJsonLimitThroughToTheIntake() {
        byte[] text = ("A plain text document " + java.util.UUID.randomUUID() + ". ")
                .repeat(60_000)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        String boundary = "edge-boundary";
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.txt\"\r\n"
                        + "Content-Type: text/plain\r\n\r\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        body.writeBytes(text);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Map<String, String> headers = new java.util.HashMap<>(bearer(ANALYST));
        headers.put("Content-Type", "multipart/form-data; boundary=" + boundary);

        HttpResponse<String> response = sendOnOwnConnection(
                "POST", "/api/v1/documents", headers, HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));

        assertThat(text.length).isGreaterThan(3 * 1024 * 1024);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
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
