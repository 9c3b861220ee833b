package io.docmatrix.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.docmatrix.runtime.identity.CallerIdentity;
import io.docmatrix.runtime.identity.IdentityHeaders;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class IdentityPropagationIT extends GatewayIntegrationTest {

    private static final Tokens.Caller VIEWER = Tokens.Caller.of("acme", "VIEWER");

    @Autowired
    IdentityHeaders identityHeaders;

    @Test
    void replacesForgedIdentityHeadersWithTheAuthenticatedCallersOwn() {
        Map<String, String> headers = new HashMap<>(bearer(Tokens.accessToken(VIEWER)));
        headers.putAll(forgedIdentity());

        HttpResponse<String> response = send("GET", "/api/v1/documents/d-1", headers);

        Map<String, String> forwarded = forwardedHeaders(response);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(forwarded)
                .doesNotContainKey("x-docmatrix-extra")
                .containsEntry("x-docmatrix-client-address", "127.0.0.1");
        Optional<CallerIdentity> caller = verify(forwarded, "GET", "/api/v1/documents/d-1");
        assertThat(caller).hasValueSatisfying(c -> {
            assertThat(c.subject()).isEqualTo(VIEWER.subject());
            assertThat(c.roles()).containsExactly("VIEWER");
        });
    }

    @Test
    void forwardsNoIdentityAtAllForAnAnonymousRequestWithForgedHeaders() {
        HttpResponse<String> response = send("POST", "/api/v1/auth/token", forgedIdentity());

        Map<String, String> forwarded = forwardedHeaders(response);
        assertThat(response.statusCode()).isEqualTo(200);
        for (String name : IdentityHeaders.ALL) {
            assertThat(forwarded).doesNotContainKey(name.toLowerCase(Locale.ROOT));
        }
        assertThat(forwarded)
                .doesNotContainKey("x-docmatrix-extra")
                .containsEntry("x-docmatrix-client-address", "127.0.0.1");
    }

    @Test
    void signsTheMethodAndPathSoTheHeadersCannotBeReplayedElsewhere() {
        HttpResponse<String> response = send("GET", "/api/v1/documents/d-1", bearer(Tokens.accessToken(VIEWER)));

        Map<String, String> forwarded = forwardedHeaders(response);
        assertThat(verify(forwarded, "GET", "/api/v1/documents/d-1")).isPresent();
        assertThat(verify(forwarded, "DELETE", "/api/v1/documents/d-1")).isEmpty();
        assertThat(verify(forwarded, "GET", "/api/v1/documents/d-2")).isEmpty();
    }

    @Test
    void keepsCredentialsFromServicesOtherThanAuth() {
        HttpResponse<String> response = send("GET", "/api/v1/documents", bearer(Tokens.accessToken(VIEWER)));

        assertThat(forwardedHeaders(response)).doesNotContainKey("authorization");
    }

    @Test
    void keepsASaneClientRequestIdAndForwardsIt() {
        HttpResponse<String> response =
                send("GET", "/api/v1/documents", withToken(Map.of("X-Request-Id", "client-req_42")));

        assertThat(response.headers().firstValue("X-Request-Id")).hasValue("client-req_42");
        assertThat(forwardedHeaders(response)).containsEntry("x-request-id", "client-req_42");
    }

    @Test
    void replacesARequestIdThatIsTooLongOrHasOddCharacters() {
        HttpResponse<String> tooLong =
                send("GET", "/api/v1/documents", withToken(Map.of("X-Request-Id", "a".repeat(65))));
        HttpResponse<String> odd = send("GET", "/api/v1/documents", withToken(Map.of("X-Request-Id", "abc;rm -rf")));
        HttpResponse<String> none = send("GET", "/api/v1/documents", Map.of());

        assertThat(tooLong.headers().firstValue("X-Request-Id"))
                .hasValueSatisfying(id -> assertThat(id).hasSize(36));
        assertThat(forwardedHeaders(tooLong).get("x-request-id"))
                .isEqualTo(tooLong.headers().firstValue("X-Request-Id").orElseThrow());
        assertThat(odd.headers().firstValue("X-Request-Id"))
                .hasValueSatisfying(id -> assertThat(id).doesNotContain(";"));
        assertThat(none.headers().firstValue("X-Request-Id")).isPresent();
    }

    @Test
    void continuesTheClientsTraceDownstream() {
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String traceparent = "00-" + traceId + "-00f067aa0ba902b7-01";

        HttpResponse<String> response = send("GET", "/api/v1/documents", withToken(Map.of("traceparent", traceparent)));

        assertThat(forwardedHeaders(response).get("traceparent")).matches("00-" + traceId + "-[0-9a-f]{16}-01");
    }

    @Test
    void writesSecurityHeadersOnProxiedResponsesAndOnRejections() {
        HttpResponse<String> proxied = send("GET", "/api/v1/documents", bearer(Tokens.accessToken(VIEWER)));
        HttpResponse<String> rejected = send("GET", "/api/v1/documents", Map.of());

        for (HttpResponse<String> response : new HttpResponse[] {proxied, rejected}) {
            assertThat(response.headers().firstValue("Strict-Transport-Security"))
                    .hasValueSatisfying(v -> assertThat(v).startsWith("max-age="));
            assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
            assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
            assertThat(response.headers().firstValue("Content-Security-Policy"))
                    .hasValue("default-src 'none'; frame-ancestors 'none'");
        }
    }

    private Optional<CallerIdentity> verify(Map<String, String> forwarded, String method, String path) {
        return identityHeaders.verify(
                name -> forwarded.get(name.toLowerCase(Locale.ROOT)), method, path, Instant.now());
    }

    private static Map<String, String> withToken(Map<String, String> headers) {
        Map<String, String> all = new HashMap<>(headers);
        all.putAll(bearer(Tokens.accessToken(VIEWER)));
        return all;
    }

    private static Map<String, String> forgedIdentity() {
        return Map.of(
                "X-DocMatrix-Tenant-Id", UUID.randomUUID().toString(),
                "x-docmatrix-roles", "PLATFORM_ADMIN",
                "X-DOCMATRIX-SUBJECT", "someone-else",
                "X-DocMatrix-Identity-Signature", "forged",
                "X-DocMatrix-Client-Address", "10.9.9.9",
                "X-DocMatrix-Extra", "anything");
    }
}
