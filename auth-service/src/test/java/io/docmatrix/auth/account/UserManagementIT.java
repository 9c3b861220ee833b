package io.docmatrix.auth.account;

import static org.assertj.core.api.Assertions.assertThat;

import io.docmatrix.auth.AuthServiceIntegrationTest;
import io.docmatrix.runtime.identity.AuthKind;
import io.docmatrix.runtime.identity.CallerIdentity;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class UserManagementIT extends AuthServiceIntegrationTest {

    @Test
    void anAdministratorCreatesListsAndChangesUsersOfItsTenant() throws Exception {
        TestTenant tenant = newTenant();

        UUID userId = newUser(tenant, "Dave", "ANALYST");
        Response list = send("GET", "/api/v1/users", null, adminOf(tenant));
        Response roles =
                send("PUT", "/api/v1/users/" + userId + "/roles", Map.of("roles", List.of("VIEWER")), adminOf(tenant));
        Response one = send("GET", "/api/v1/users/" + userId, null, adminOf(tenant));

        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body().values())
                .extracting(user -> user.path("username").asString())
                .containsExactly("boss", "dave");
        assertThat(roles.status()).isEqualTo(200);
        assertThat(one.body().path("roles").get(0).asString()).isEqualTo("VIEWER");
        assertThat(one.body().path("enabled").asBoolean()).isTrue();
        assertThat(one.raw().body()).doesNotContain("password");
        assertThat(auditPayloads(tenant.slug(), "io.docmatrix.identity.UserChanged.v1"))
                .extracting(event -> event.path("change").asString())
                .contains("CREATED", "ROLES_CHANGED");
    }

    @Test
    void analystsAndViewersCannotManageUsers() throws Exception {
        TestTenant tenant = newTenant();
        Map<String, Object> user = Map.of("username", "eve", "password", PASSWORD, "roles", List.of("ADMIN"));

        Response byAnalyst = send("POST", "/api/v1/users", user, caller(tenant, "ANALYST"));
        Response byViewer = send("GET", "/api/v1/users", null, caller(tenant, "VIEWER"));
        Response disableByAnalyst =
                send("POST", "/api/v1/users/" + tenant.adminId() + "/disable", null, caller(tenant, "ANALYST"));

        assertThat(byAnalyst.status()).isEqualTo(403);
        assertThat(byAnalyst.code()).isEqualTo("FORBIDDEN");
        assertThat(byViewer.status()).isEqualTo(403);
        assertThat(disableByAnalyst.status()).isEqualTo(403);
    }

    @Test
    void anotherTenantsUsersAreNotFound() throws Exception {
        TestTenant owner = newTenant();
        TestTenant other = newTenant();
        UUID userId = newUser(owner, "frank", "VIEWER");

        Response get = send("GET", "/api/v1/users/" + userId, null, adminOf(other));
        Response disable = send("POST", "/api/v1/users/" + userId + "/disable", null, adminOf(other));
        Response reset = send(
                "POST",
                "/api/v1/users/" + userId + "/password",
                Map.of("password", "taken over by other"),
                adminOf(other));
        Response list = send("GET", "/api/v1/users", null, adminOf(other));

        assertThat(get.status()).isEqualTo(404);
        assertThat(get.code()).isEqualTo("NOT_FOUND");
        assertThat(disable.status()).isEqualTo(404);
        assertThat(reset.status()).isEqualTo(404);
        assertThat(list.body().values())
                .extracting(u -> u.path("username").asString())
                .containsExactly("boss");
        assertThat(login(owner.slug(), "frank", PASSWORD, freshAddress()).status())
                .isEqualTo(200);
    }

    @Test
    void onlyPlatformAdministratorsGrantPlatformAdministrator() throws Exception {
        TestTenant tenant = newTenant();
        Map<String, Object> user =
                Map.of("username", "grace", "password", PASSWORD, "roles", List.of("PLATFORM_ADMIN"));
        CallerIdentity platformAdminOfTenant = new CallerIdentity(
                tenant.id(),
                tenant.slug(),
                UUID.randomUUID().toString(),
                "root",
                Set.of("ADMIN", "PLATFORM_ADMIN"),
                AuthKind.USER);

        Response byTenantAdmin = send("POST", "/api/v1/users", user, adminOf(tenant));
        Response byPlatformAdmin = send("POST", "/api/v1/users", user, platformAdminOfTenant);

        assertThat(byTenantAdmin.status()).isEqualTo(403);
        assertThat(byPlatformAdmin.status()).isEqualTo(201);
    }

    @Test
    void rejectsWeakPasswordsAndInvalidInputWithBadRequest() throws Exception {
        TestTenant tenant = newTenant();

        Response weak = send(
                "POST",
                "/api/v1/users",
                Map.of("username", "heidi", "password", "short", "roles", List.of("VIEWER")),
                adminOf(tenant));
        Response unknownRole = send(
                "POST",
                "/api/v1/users",
                Map.of("username", "heidi", "password", PASSWORD, "roles", List.of("GOD")),
                adminOf(tenant));
        Response noRoles = send(
                "POST",
                "/api/v1/users",
                Map.of("username", "heidi", "password", PASSWORD, "roles", List.of()),
                adminOf(tenant));
        Response badId = send("GET", "/api/v1/users/not-a-uuid", null, adminOf(tenant));
        Response duplicate = send(
                "POST",
                "/api/v1/users",
                Map.of("username", "BOSS", "password", PASSWORD, "roles", List.of("VIEWER")),
                adminOf(tenant));

        assertThat(weak.status()).isEqualTo(400);
        assertThat(weak.code()).isEqualTo("WEAK_PASSWORD");
        assertThat(unknownRole.status()).isEqualTo(400);
        assertThat(noRoles.status()).isEqualTo(400);
        assertThat(noRoles.code()).isEqualTo("ROLES_REQUIRED");
        assertThat(badId.status()).isEqualTo(400);
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.code()).isEqualTo("USERNAME_TAKEN");
    }
}
