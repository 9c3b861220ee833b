package io.docmatrix.auth.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import io.docmatrix.auth.AuthServiceIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SigningKeyRotationIT extends AuthServiceIntegrationTest {

    @Test
    void publishesANewKeyBeforeSigningWithItAndKeepsOldTokensVerifiable() throws Exception {
        TestTenant tenant = newTenant();
        SignedJWT before = accessToken(tenant);
        String oldKid = before.getHeader().getKeyID();

        Response rotation = send("POST", "/api/v1/auth/signing-keys/rotate", null, platformAdmin());

        assertThat(rotation.status()).isEqualTo(202);
        String newKid = rotation.body().path("kid").asString();
        Instant activatesAt = Instant.parse(rotation.body().path("activatesAt").asString());
        assertThat(newKid).isNotEqualTo(oldKid);
        JWKSet published = jwks();
        assertThat(published.getKeyByKeyId(newKid)).isNotNull();
        assertThat(published.getKeyByKeyId(oldKid)).isNotNull();
        SignedJWT rightAfter = accessToken(tenant);
        if (rightAfter.getHeader().getKeyID().equals(newKid)) {
            // Only allowed once the publish-ahead time has passed (iat has whole seconds).
            assertThat(rightAfter.getJWTClaimsSet().getIssueTime().toInstant().plusSeconds(1))
                    .isAfterOrEqualTo(activatesAt);
        }
        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() ->
                        assertThat(accessToken(tenant).getHeader().getKeyID()).isEqualTo(newKid));
        JWKSet afterwards = jwks();
        JWK oldKey = afterwards.getKeyByKeyId(oldKid);
        assertThat(oldKey)
                .as("the retired key stays published while its tokens are valid")
                .isNotNull();
        assertThat(before.verify(new RSASSAVerifier(oldKey.toRSAKey()))).isTrue();
    }

    @Test
    void onlyPlatformAdministratorsMayRotate() throws Exception {
        TestTenant tenant = newTenant();

        Response rotation = send("POST", "/api/v1/auth/signing-keys/rotate", null, adminOf(tenant));
        Response anonymous = send("POST", "/api/v1/auth/signing-keys/rotate", null, null);

        assertThat(rotation.status()).isEqualTo(403);
        assertThat(rotation.code()).isEqualTo("FORBIDDEN");
        assertThat(anonymous.status()).isEqualTo(401);
    }

    private SignedJWT accessToken(TestTenant tenant) throws Exception {
        Response login = login(tenant.slug(), "boss", PASSWORD, freshAddress());
        assertThat(login.status()).isEqualTo(200);
        return SignedJWT.parse(login.body().path("access_token").asString());
    }

    private JWKSet jwks() throws Exception {
        return JWKSet.parse(
                send("GET", "/.well-known/jwks.json", null, null).raw().body());
    }
}
