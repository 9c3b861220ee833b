package io.docmatrix.auth.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.SignedJWT;
import io.docmatrix.auth.AuthServiceIntegrationTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class TenantIT extends AuthServiceIntegrationTest {

    private static final String BOOTSTRAP_PASSWORD = "test-only-bootstrap-password";

    @Autowired
    Tenants tenants;

    @Test
    void aPlatformAdministratorCreatesATenantWithItsAdministrator() throws Exception {
        String slug = "acme-" + UUID.randomUUID().toString().substring(0, 6);

        Response created = send(
                "POST",
                "/api/v1/tenants",
                Map.of("name", slug, "adminUsername", "owner", "adminPassword", PASSWORD),
                platformAdmin());

        assertThat(created.status()).isEqualTo(201);
        assertThat(UUID.fromString(created.body().path("id").asString())).isNotNull();
        assertThat(created.body().path("name").asString()).isEqualTo(slug);
        assertThat(login(slug, "owner", PASSWORD, freshAddress()).status()).isEqualTo(200);
        assertThat(auditTypes(slug)).contains("io.docmatrix.identity.TenantCreated.v1");
    }

    @Test
    void onlyPlatformAdministratorsCreateTenants() throws Exception {
        TestTenant tenant = newTenant();

        Response byAdmin = send(
                "POST",
                "/api/v1/tenants",
                Map.of(
                        "name",
                        "sneaky-" + UUID.randomUUID().toString().substring(0, 6),
                        "adminUsername",
                        "x",
                        "adminPassword",
                        PASSWORD),
                adminOf(tenant));
        Response anonymous = send(
                "POST",
                "/api/v1/tenants",
                Map.of("name", "anon", "adminUsername", "x", "adminPassword", PASSWORD),
                null);

        assertThat(byAdmin.status()).isEqualTo(403);
        assertThat(anonymous.status()).isEqualTo(401);
    }

    @Test
    void refusesDuplicateAndInvalidTenantNames() throws Exception {
        TestTenant tenant = newTenant();

        Response duplicate = send(
                "POST",
                "/api/v1/tenants",
                Map.of("name", tenant.slug().toUpperCase(), "adminUsername", "x", "adminPassword", PASSWORD),
                platformAdmin());
        Response invalid = send(
                "POST",
                "/api/v1/tenants",
                Map.of("name", "not a slug!", "adminUsername", "x", "adminPassword", PASSWORD),
                platformAdmin());

        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.code()).isEqualTo("TENANT_EXISTS");
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.code()).isEqualTo("INVALID_TENANT_NAME");
    }

    @Test
    void bootstrapsTheDemoPlatformAdministratorOnceWithoutOverwritingItsPassword() throws Exception {
        tenants.bootstrap("demo", "admin", "another-password-entirely");

        Response login = login("demo", "admin", BOOTSTRAP_PASSWORD, freshAddress());

        assertThat(login.status()).isEqualTo(200);
        assertThat(SignedJWT.parse(login.body().path("access_token").asString())
                        .getJWTClaimsSet()
                        .getStringListClaim("roles"))
                .containsExactly("ADMIN", "PLATFORM_ADMIN");
        assertThat(login("demo", "admin", "another-password-entirely", freshAddress())
                        .status())
                .isEqualTo(401);
    }
}
