package io.docmatrix.auth.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.docmatrix.auth.AuthServiceIntegrationTest;
import io.docmatrix.runtime.identity.AuthKind;
import io.docmatrix.runtime.identity.CallerIdentity;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class RefreshTokenIT extends AuthServiceIntegrationTest {

    @Test
    void rotatesTheRefreshTokenOnEveryUse() throws Exception {
        TestTenant tenant = newTenant();
        String first = refreshTokenOf(login(tenant.slug(), "boss", PASSWORD, freshAddress()));

        Response rotated = refresh(first);

        assertThat(rotated.status()).isEqualTo(200);
        String second = rotated.body().path("refresh_token").asString();
        assertThat(second).isNotEqualTo(first);
        assertThat(rotated.body().path("access_token").asString()).isNotBlank();
        assertThat(refresh(second).status()).isEqualTo(200);
    }

    @Test
    void revokesTheWholeFamilyWhenAUsedTokenIsPresentedAgain() throws Exception {
        TestTenant tenant = newTenant();
        String first = refreshTokenOf(login(tenant.slug(), "boss", PASSWORD, freshAddress()));
        String second = refreshTokenOf(refresh(first));
        String otherLogin = refreshTokenOf(login(tenant.slug(), "boss", PASSWORD, freshAddress()));

        Response reuse = refresh(first);

        assertThat(reuse.status()).isEqualTo(401);
        assertThat(reuse.code()).isEqualTo("REFRESH_TOKEN_REUSED");
        Response afterReuse = refresh(second);
        assertThat(afterReuse.status()).isEqualTo(401);
        assertThat(afterReuse.code()).isEqualTo("INVALID_REFRESH_TOKEN");
        assertThat(refresh(otherLogin).status()).isEqualTo(200);
        assertThat(auditPayloads(tenant.slug(), "io.docmatrix.identity.RefreshTokenReuseDetected.v1"))
                .singleElement()
                .satisfies(event -> assertThat(event.path("userId").asString())
                        .isEqualTo(tenant.adminId().toString()));
    }

    @Test
    void logoutRevokesTheFamily() throws Exception {
        TestTenant tenant = newTenant();
        String first = refreshTokenOf(login(tenant.slug(), "boss", PASSWORD, freshAddress()));
        String second = refreshTokenOf(refresh(first));

        Response logout = send("POST", "/api/v1/auth/logout", Map.of("refresh_token", second), null);

        assertThat(logout.status()).isEqualTo(204);
        assertThat(refresh(second).code()).isEqualTo("INVALID_REFRESH_TOKEN");
    }

    @Test
    void disablingAUserRevokesItsRefreshTokensAndBlocksLogin() throws Exception {
        TestTenant tenant = newTenant();
        UUID userId = newUser(tenant, "alice", "ANALYST");
        String refreshToken = refreshTokenOf(login(tenant.slug(), "alice", PASSWORD, freshAddress()));

        Response disabled = send("POST", "/api/v1/users/" + userId + "/disable", null, adminOf(tenant));

        assertThat(disabled.status()).isEqualTo(200);
        assertThat(disabled.body().path("enabled").asBoolean()).isFalse();
        assertThat(refresh(refreshToken).status()).isEqualTo(401);
        Response login = login(tenant.slug(), "alice", PASSWORD, freshAddress());
        assertThat(login.status()).isEqualTo(401);
        assertThat(login.code()).isEqualTo("INVALID_CREDENTIALS");
        send("POST", "/api/v1/users/" + userId + "/enable", null, adminOf(tenant));
        assertThat(login(tenant.slug(), "alice", PASSWORD, freshAddress()).status())
                .isEqualTo(200);
    }

    @Test
    void changingTheOwnPasswordRevokesRefreshTokensAndRequiresTheNewPassword() throws Exception {
        TestTenant tenant = newTenant();
        UUID userId = newUser(tenant, "bob", "VIEWER");
        String refreshToken = refreshTokenOf(login(tenant.slug(), "bob", PASSWORD, freshAddress()));
        CallerIdentity bob = new CallerIdentity(
                tenant.id(), tenant.slug(), userId.toString(), "bob", Set.of("VIEWER"), AuthKind.USER);

        Response wrongCurrent = send(
                "POST",
                "/api/v1/auth/password",
                Map.of("currentPassword", "not my password", "newPassword", "a brand new passphrase"),
                bob);
        Response changed = send(
                "POST",
                "/api/v1/auth/password",
                Map.of("currentPassword", PASSWORD, "newPassword", "a brand new passphrase"),
                bob);

        assertThat(wrongCurrent.status()).isEqualTo(400);
        assertThat(wrongCurrent.code()).isEqualTo("INVALID_CURRENT_PASSWORD");
        assertThat(changed.status()).isEqualTo(204);
        assertThat(refresh(refreshToken).status()).isEqualTo(401);
        assertThat(login(tenant.slug(), "bob", PASSWORD, freshAddress()).status())
                .isEqualTo(401);
        assertThat(login(tenant.slug(), "bob", "a brand new passphrase", freshAddress())
                        .status())
                .isEqualTo(200);
    }

    @Test
    void anAdministratorsPasswordResetRevokesRefreshTokens() throws Exception {
        TestTenant tenant = newTenant();
        UUID userId = newUser(tenant, "carol", "ANALYST");
        String refreshToken = refreshTokenOf(login(tenant.slug(), "carol", PASSWORD, freshAddress()));

        Response reset = send(
                "POST",
                "/api/v1/users/" + userId + "/password",
                Map.of("password", "reset by the administrator"),
                adminOf(tenant));

        assertThat(reset.status()).isEqualTo(204);
        assertThat(refresh(refreshToken).status()).isEqualTo(401);
        assertThat(auditPayloads(tenant.slug(), "io.docmatrix.identity.UserChanged.v1"))
                .extracting(event -> event.path("change").asString())
                .contains("PASSWORD_RESET");
    }

    private static String refreshTokenOf(Response response) {
        assertThat(response.status()).isEqualTo(200);
        JsonNode body = response.body();
        return body.path("refresh_token").asString();
    }
}
