package io.docmatrix.auth.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.docmatrix.auth.AuthServiceIntegrationTest;
import org.junit.jupiter.api.Test;

class LoginThrottlingIT extends AuthServiceIntegrationTest {

    @Test
    void locksAnAccountAfterFiveFailuresEvenForTheRightPassword() throws Exception {
        TestTenant tenant = newTenant();
        for (int i = 0; i < 5; i++) {
            assertThat(login(tenant.slug(), "boss", "wrong password " + i, freshAddress())
                            .status())
                    .isEqualTo(401);
        }

        Response locked = login(tenant.slug(), "boss", PASSWORD, freshAddress());

        assertThat(locked.status()).isEqualTo(429);
        assertThat(locked.code()).isEqualTo("LOGIN_THROTTLED");
        assertThat(Long.parseLong(locked.header("Retry-After"))).isBetween(800L, 900L);
        assertThat(auditPayloads(tenant.slug(), "io.docmatrix.identity.LoginFailed.v1"))
                .anySatisfy(event -> assertThat(event.path("reason").asString()).isEqualTo("THROTTLED"));
    }

    @Test
    void throttlesAnAddressAfterTwentyFailuresAcrossAccounts() throws Exception {
        TestTenant tenant = newTenant();
        String address = freshAddress();
        for (int i = 0; i < 20; i++) {
            assertThat(login(tenant.slug(), "guess" + i, "wrong password", address)
                            .status())
                    .isEqualTo(401);
        }

        Response throttled = login(tenant.slug(), "boss", PASSWORD, address);
        Response elsewhere = login(tenant.slug(), "boss", PASSWORD, freshAddress());

        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.code()).isEqualTo("LOGIN_THROTTLED");
        assertThat(Long.parseLong(throttled.header("Retry-After"))).isBetween(1L, 60L);
        assertThat(elsewhere.status()).isEqualTo(200);
    }
}
