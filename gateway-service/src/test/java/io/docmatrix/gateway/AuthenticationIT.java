package io.docmatrix.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AuthenticationIT extends GatewayIntegrationTest {

    private static final Tokens.Caller PLATFORM_ADMIN = Tokens.Caller.of("acme", "PLATFORM_ADMIN");

    static Stream<Arguments> tamperedTokens() {
        return Tokens.tamperedCorpus(PLATFORM_ADMIN).entrySet().stream()
                .map(entry -> Arguments.of(entry.getKey(), entry.getValue()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tamperedTokens")
    void refusesATamperedTokenOnEveryProtectedRoute(String name, String token) {
        for (Routes.Route route : Routes.PROTECTED) {
            HttpResponse<String> response = send(route.method(), route.path(), bearer(token));

            assertThat(response.statusCode()).as("%s on %s", name, route).isEqualTo(401);
            assertThat(response.headers().firstValue("WWW-Authenticate"))
                    .as("%s on %s", name, route)
                    .hasValue("Bearer error=\"invalid_token\"");
            assertThat(problemCode(response)).isEqualTo("UNAUTHENTICATED");
            assertThat(response.body()).doesNotContainIgnoringCase("jwt").doesNotContain("Exception");
        }
    }

    @Test
    void refetchesTheKeysForUnknownKeyIdsAtMostOncePerInterval() {
        String unknownKid = Tokens.tamperedCorpus(PLATFORM_ADMIN).get("unknown kid");
        send("GET", "/api/v1/documents", bearer(Tokens.accessToken(PLATFORM_ADMIN)));
        int before = BACKEND.jwksFetches();

        for (int i = 0; i < 20; i++) {
            assertThat(send("GET", "/api/v1/documents", bearer(unknownKid)).statusCode())
                    .isEqualTo(401);
        }

        assertThat(BACKEND.jwksFetches() - before).isLessThanOrEqualTo(1);
    }

    @Test
    void passesAValidTokenOnEveryRouteItsRoleAllows() {
        String token = Tokens.accessToken(PLATFORM_ADMIN);

        for (Routes.Route route : Routes.PROTECTED) {
            if (route.allowed().contains("PLATFORM_ADMIN")) {
                HttpResponse<String> response = send(route.method(), route.path(), bearer(token));

                assertThat(response.statusCode()).as(route.toString()).isEqualTo(route.handledByGateway() ? 415 : 200);
            }
        }
    }

    @Test
    void asksForCredentialsWithoutAnErrorCodeWhenNoneWereSent() {
        HttpResponse<String> response = send("GET", "/api/v1/documents", Map.of());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"docmatrix\"");
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(problemCode(response)).isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void refusesAnonymousCallersOnUnknownApiPathsSoTheRouteTableCannotBeProbed() {
        HttpResponse<String> response = send("GET", "/api/v1/no-such-resource", Map.of());

        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void letsLoginRequestsThroughWithoutCredentialsEvenWithAStaleTokenAttached() {
        String stale = Tokens.tamperedCorpus(PLATFORM_ADMIN).get("expired beyond the skew");

        HttpResponse<String> withoutToken = send("POST", "/api/v1/auth/token", Map.of());
        HttpResponse<String> withStaleToken = send("POST", "/api/v1/auth/refresh", bearer(stale));

        assertThat(withoutToken.statusCode()).isEqualTo(200);
        assertThat(withStaleToken.statusCode()).isEqualTo(200);
        assertThat(send("GET", "/.well-known/jwks.json", Map.of()).statusCode()).isEqualTo(200);
    }

    @Test
    void acceptsAValidApiKeyAndAsksAuthOnlyOnceWhileCached() {
        String key = "dmx_ab12cd_" + UUID.randomUUID();
        BACKEND.acceptApiKey(key, apiKeyOwner("ANALYST"));

        HttpResponse<String> first = send("GET", "/api/v1/documents/d-1", apiKey(key));
        HttpResponse<String> second = send("GET", "/api/v1/documents", apiKey(key));

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(forwardedHeaders(first)).containsEntry("x-docmatrix-auth-kind", "API_KEY");
        assertThat(BACKEND.verifyCalls(key)).isEqualTo(1);
    }

    @Test
    void refusesAnApiKeyAuthDoesNotKnow() {
        HttpResponse<String> response = send("GET", "/api/v1/documents", apiKey("dmx_zz99_" + UUID.randomUUID()));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer error=\"invalid_token\"");
        assertThat(problemCode(response)).isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void refusesARevokedApiKeyOnceAuthAnswers401() {
        // Auth answers 401 for a revoked key exactly as for an unknown one; the gateway never saw this key valid.
        String revoked = "dmx_rv01_" + UUID.randomUUID();

        HttpResponse<String> response = send("DELETE", "/api/v1/documents/d-1", apiKey(revoked));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(BACKEND.verifyCalls(revoked)).isEqualTo(1);
    }

    @Test
    void answers503WithRetryAfterWhenAuthCannotVerifyAnApiKey() {
        String key = FakeBackend.KEY_DOWN_PREFIX + UUID.randomUUID();

        HttpResponse<String> response = send("GET", "/api/v1/documents", apiKey(key));

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).isPresent();
        assertThat(problemCode(response)).isEqualTo("SERVICE_UNAVAILABLE");
    }

    @Test
    void enforcesTheApiKeysRoleLikeAUsersRole() {
        String key = "dmx_vw01_" + UUID.randomUUID();
        BACKEND.acceptApiKey(key, apiKeyOwner("VIEWER"));

        HttpResponse<String> response = send("POST", "/api/v1/documents", apiKey(key));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(problemCode(response)).isEqualTo("FORBIDDEN");
    }

    private static Map<String, String> apiKey(String key) {
        return Map.of("Authorization", "ApiKey " + key);
    }

    private static Map<String, Object> apiKeyOwner(String role) {
        return Map.of(
                "keyId",
                UUID.randomUUID().toString(),
                "tenantId",
                UUID.nameUUIDFromBytes("acme".getBytes()).toString(),
                "tenant",
                "acme",
                "role",
                role,
                "prefix",
                "dmx_ab12",
                "name",
                "ci pipeline");
    }
}
