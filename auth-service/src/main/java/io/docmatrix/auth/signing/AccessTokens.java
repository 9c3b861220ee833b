package io.docmatrix.auth.signing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.docmatrix.auth.config.AuthProperties;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Issues access tokens: RS256 JWTs with {@code typ: at+jwt} (RFC 9068), which the gateway verifies against the JWKS
 * without calling this service.
 */
@Component
public class AccessTokens {

    /** The JOSE header {@code typ}. */
    public static final JOSEObjectType TYPE = new JOSEObjectType("at+jwt");

    private final SigningKeys keys;
    private final AuthProperties properties;
    private final Clock clock;

    public AccessTokens(SigningKeys keys, AuthProperties properties, Clock clock) {
        this.keys = keys;
        this.properties = properties;
        this.clock = clock;
    }

    /** Who a token is for. */
    public record Subject(UUID userId, String username, UUID tenantId, String tenant, List<String> roles) {}

    /** A signed token and its lifetime in seconds. */
    public record Issued(String token, long expiresIn) {}

    public Issued issue(Subject subject) {
        SigningKeys.Signer signer = keys.signer();
        Instant now = clock.instant();
        Instant expiresAt = now.plus(properties.accessTokenTtl());
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256)
                .keyID(signer.kid())
                .type(TYPE)
                .build();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(properties.issuer())
                .audience(properties.audience())
                .subject(subject.userId().toString())
                .claim("tenant", subject.tenantId().toString())
                .claim("tenant_slug", subject.tenant())
                .claim("name", subject.username())
                .claim("roles", subject.roles())
                .jwtID(UUID.randomUUID().toString())
                .claim("typ", "access")
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(expiresAt))
                .build();
        SignedJWT jwt = new SignedJWT(header, claims);
        try {
            jwt.sign(new RSASSASigner(signer.privateKey()));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign an access token", e);
        }
        return new Issued(jwt.serialize(), properties.accessTokenTtl().toSeconds());
    }
}
