package io.docmatrix.auth.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.docmatrix.auth.AuthServiceIntegrationTest;
import java.time.Duration;
import java.util.Date;
import org.junit.jupiter.api.Test;

class TokenIssuanceIT extends AuthServiceIntegrationTest {

    @Test
    void issuesAnAccessTokenThatVerifiesAgainstThePublishedJwks() throws Exception {
        TestTenant tenant = newTenant();

        Response token = login(tenant.slug(), "BOSS", PASSWORD, freshAddress());
        Response jwks = send("GET", "/.well-known/jwks.json", null, null);

        assertThat(token.status()).isEqualTo(200);
        assertThat(token.body().path("token_type").asString()).isEqualTo("Bearer");
        assertThat(token.body().path("expires_in").asLong()).isEqualTo(900);
        assertThat(token.body().path("refresh_token").asString()).hasSizeGreaterThanOrEqualTo(43);
        assertThat(token.header("Cache-Control")).contains("no-store");
        assertThat(jwks.status()).isEqualTo(200);
        assertThat(jwks.header("Cache-Control")).contains("max-age=300");
        SignedJWT jwt = SignedJWT.parse(token.body().path("access_token").asString());
        assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        assertThat(jwt.getHeader().getType()).isEqualTo(new JOSEObjectType("at+jwt"));
        JWK key = JWKSet.parse(jwks.raw().body()).getKeyByKeyId(jwt.getHeader().getKeyID());
        assertThat(key).isNotNull();
        assertThat(key.isPrivate()).isFalse();
        assertThat(key.getKeyUse()).isEqualTo(KeyUse.SIGNATURE);
        assertThat(key.getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        assertThat(jwt.verify(new RSASSAVerifier(key.toRSAKey()))).isTrue();
        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        assertThat(claims.getIssuer()).isEqualTo("http://127.0.0.1:8080");
        assertThat(claims.getAudience()).containsExactly("docmatrix-api");
        assertThat(claims.getSubject()).isEqualTo(tenant.adminId().toString());
        assertThat(claims.getStringClaim("tenant")).isEqualTo(tenant.id().toString());
        assertThat(claims.getStringClaim("tenant_slug")).isEqualTo(tenant.slug());
        assertThat(claims.getStringClaim("name")).isEqualTo("boss");
        assertThat(claims.getStringListClaim("roles")).containsExactly("ADMIN");
        assertThat(claims.getStringClaim("typ")).isEqualTo("access");
        assertThat(claims.getJWTID()).isNotBlank();
        assertThat(claims.getNotBeforeTime()).isEqualTo(claims.getIssueTime());
        assertThat(Duration.between(
                        claims.getIssueTime().toInstant(),
                        claims.getExpirationTime().toInstant()))
                .isEqualTo(Duration.ofMinutes(15));
        assertThat(claims.getExpirationTime()).isAfter(new Date());
    }

    @Test
    void answersUnknownTenantUnknownUserAndWrongPasswordIdentically() throws Exception {
        TestTenant tenant = newTenant();
        String address = freshAddress();

        Response wrongPassword = login(tenant.slug(), "boss", "not the right password", address);
        Response unknownUser = login(tenant.slug(), "nobody", "not the right password", address);
        Response unknownTenant = login("no-such-tenant-x", "boss", "not the right password", address);

        assertThat(wrongPassword.status()).isEqualTo(401);
        assertThat(wrongPassword.code()).isEqualTo("INVALID_CREDENTIALS");
        assertThat(unknownUser.status()).isEqualTo(wrongPassword.status());
        assertThat(unknownUser.body()).isEqualTo(wrongPassword.body());
        assertThat(unknownTenant.status()).isEqualTo(wrongPassword.status());
        assertThat(unknownTenant.body()).isEqualTo(wrongPassword.body());
    }

    @Test
    void recordsSuccessfulAndFailedLoginsInTheAuditOutbox() throws Exception {
        TestTenant tenant = newTenant();
        String address = freshAddress();

        login(tenant.slug(), "boss", "not the right password", address);

        assertThat(auditTypes(tenant.slug()))
                .contains(
                        "io.docmatrix.identity.TenantCreated.v1",
                        "io.docmatrix.identity.UserChanged.v1",
                        "io.docmatrix.identity.LoginSucceeded.v1",
                        "io.docmatrix.identity.LoginFailed.v1");
        var failed = auditPayloads(tenant.slug(), "io.docmatrix.identity.LoginFailed.v1");
        assertThat(failed).hasSize(1);
        assertThat(failed.get(0).path("reason").asString()).isEqualTo("BAD_CREDENTIALS");
        assertThat(failed.get(0).path("clientAddress").asString()).isEqualTo(address);
        assertThat(failed.get(0).toString()).doesNotContain("not the right password");
        assertThat(jdbc.queryForList(
                        "SELECT DISTINCT ce_source || ' ' || ce_tenantid FROM outbox WHERE aggregateid = ?",
                        String.class,
                        tenant.slug()))
                .containsExactly("/auth-service " + tenant.id());
    }

    @Test
    void rejectsMalformedLoginRequestsWithBadRequest() throws Exception {
        Response missingFields = send("POST", "/api/v1/auth/token", "{\"tenant\":\"x\"}", null);
        Response notJson = send("POST", "/api/v1/auth/token", "{nope", null);

        assertThat(missingFields.status()).isEqualTo(400);
        assertThat(missingFields.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.code()).isEqualTo("BAD_REQUEST");
    }
}
