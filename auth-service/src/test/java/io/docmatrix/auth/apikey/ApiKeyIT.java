package io.docmatrix.auth.apikey;

import static org.assertj.core.api.Assertions.assertThat;

import io.docmatrix.auth.AuthServiceIntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiKeyIT extends AuthServiceIntegrationTest {

    @Test
    void createsListsVerifiesAndRevokesAKey() throws Exception {
        TestTenant tenant = newTenant();

        Response created = send("POST", "/api/v1/api-keys", Map.of("name", "ci", "role", "ANALYST"), adminOf(tenant));

        assertThat(created.status()).isEqualTo(201);
        String key = created.body().path("key").asString();
        String id = created.body().path("id").asString();
        String prefix = created.body().path("prefix").asString();
        assertThat(key).matches("dmx_[a-z0-9]{8}_[A-Za-z0-9_-]{43}").startsWith(prefix + "_");
        assertThat(created.body().path("role").asString()).isEqualTo("ANALYST");
        assertThat(created.body().path("createdAt").isMissingNode()).isFalse();

        Response verified = send("POST", "/internal/v1/api-keys/verify", Map.of("key", key), null);
        assertThat(verified.status()).isEqualTo(200);
        assertThat(verified.body().path("keyId").asString()).isEqualTo(id);
        assertThat(verified.body().path("tenantId").asString())
                .isEqualTo(tenant.id().toString());
        assertThat(verified.body().path("tenant").asString()).isEqualTo(tenant.slug());
        assertThat(verified.body().path("role").asString()).isEqualTo("ANALYST");
        assertThat(verified.body().path("prefix").asString()).isEqualTo(prefix);
        assertThat(verified.body().path("name").asString()).isEqualTo("ci");

        Response listed = send("GET", "/api/v1/api-keys", null, adminOf(tenant));
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.body().size()).isEqualTo(1);
        assertThat(listed.body().get(0).path("lastUsedAt").isNull()).isFalse();
        assertThat(listed.raw().body()).doesNotContain(key.substring(13));

        Response revoked = send("DELETE", "/api/v1/api-keys/" + id, null, adminOf(tenant));
        assertThat(revoked.status()).isEqualTo(204);
        Response afterRevocation = send("POST", "/internal/v1/api-keys/verify", Map.of("key", key), null);
        assertThat(afterRevocation.status()).isEqualTo(401);
        assertThat(afterRevocation.code()).isEqualTo("INVALID_API_KEY");
        assertThat(auditTypes(tenant.slug()))
                .contains("io.docmatrix.identity.ApiKeyCreated.v1", "io.docmatrix.identity.ApiKeyRevoked.v1");
    }

    @Test
    void refusesUnknownAndMalformedKeys() throws Exception {
        Response unknown = send(
                "POST",
                "/internal/v1/api-keys/verify",
                Map.of("key", "dmx_abcdefgh_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"),
                null);
        Response malformed = send("POST", "/internal/v1/api-keys/verify", Map.of("key", "hello"), null);

        assertThat(unknown.status()).isEqualTo(401);
        assertThat(unknown.code()).isEqualTo("INVALID_API_KEY");
        assertThat(malformed.status()).isEqualTo(401);
        assertThat(malformed.code()).isEqualTo("INVALID_API_KEY");
    }

    @Test
    void onlyAdministratorsManageKeys() throws Exception {
        TestTenant tenant = newTenant();

        Response byAnalyst =
                send("POST", "/api/v1/api-keys", Map.of("name", "x", "role", "VIEWER"), caller(tenant, "ANALYST"));
        Response byViewer = send("GET", "/api/v1/api-keys", null, caller(tenant, "VIEWER"));

        assertThat(byAnalyst.status()).isEqualTo(403);
        assertThat(byAnalyst.code()).isEqualTo("FORBIDDEN");
        assertThat(byViewer.status()).isEqualTo(403);
    }

    @Test
    void neverIssuesPlatformAdministratorKeys() throws Exception {
        TestTenant tenant = newTenant();

        Response created =
                send("POST", "/api/v1/api-keys", Map.of("name", "x", "role", "PLATFORM_ADMIN"), adminOf(tenant));

        assertThat(created.status()).isEqualTo(400);
        assertThat(created.code()).isEqualTo("INVALID_ROLE");
    }

    @Test
    void anotherTenantsKeyIsNotFound() throws Exception {
        TestTenant owner = newTenant();
        TestTenant other = newTenant();
        String id = send("POST", "/api/v1/api-keys", Map.of("name", "ci", "role", "VIEWER"), adminOf(owner))
                .body()
                .path("id")
                .asString();

        Response revoke = send("DELETE", "/api/v1/api-keys/" + id, null, adminOf(other));
        Response list = send("GET", "/api/v1/api-keys", null, adminOf(other));

        assertThat(revoke.status()).isEqualTo(404);
        assertThat(revoke.code()).isEqualTo("NOT_FOUND");
        assertThat(list.body().size()).isZero();
    }
}
