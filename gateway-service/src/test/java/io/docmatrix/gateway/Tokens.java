package io.docmatrix.gateway;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * Access tokens as auth issues them (RS256, {@code kid}, {@code typ: at+jwt}), signed with keys generated for the
 * test run, and a corpus of tampered ones that must all be refused.
 */
final class Tokens {

    static final String ISSUER = "http://auth.test";
    static final String AUDIENCE = "docmatrix-api";
    static final String KID = "test-key-1";

    private static final RSAKey SIGNING_KEY = generate(KID);
    private static final RSAKey FOREIGN_KEY = generate(KID);
    private static final RSAKey UNKNOWN_KEY = generate("test-key-unknown");

    private Tokens() {}

    static JWKSet publishedKeys() {
        return new JWKSet(SIGNING_KEY.toPublicJWK());
    }

    /** A caller of a tenant with the given roles. */
    record Caller(UUID tenantId, String tenant, String subject, String name, List<String> roles) {

        static Caller of(String tenant, String... roles) {
            return new Caller(
                    UUID.nameUUIDFromBytes(tenant.getBytes(StandardCharsets.UTF_8)),
                    tenant,
                    UUID.randomUUID().toString(),
                    tenant + "-user-" + String.join("-", roles).toLowerCase(java.util.Locale.ROOT),
                    List.of(roles));
        }
    }

    static String accessToken(Caller caller) {
        return sign(SIGNING_KEY, header(KID).build(), claims(caller).build());
    }

    /** Every way a token must fail, by name; each one differs from a valid token in one respect. */
    static Map<String, String> tamperedCorpus(Caller caller) {
        String valid = accessToken(caller);
        Instant now = Instant.now();
        Map<String, String> corpus = new LinkedHashMap<>();
        corpus.put("alg none", unsigned("{\"alg\":\"none\",\"typ\":\"at+jwt\",\"kid\":\"" + KID + "\"}", caller));
        corpus.put("HS256 keyed with the public key", hmacWithPublicKey(caller));
        corpus.put(
                "signed by a wrong key under a known kid",
                sign(FOREIGN_KEY, header(KID).build(), claims(caller).build()));
        corpus.put(
                "unknown kid",
                sign(
                        UNKNOWN_KEY,
                        header(UNKNOWN_KEY.getKeyID()).build(),
                        claims(caller).build()));
        corpus.put(
                "expired beyond the skew", signed(caller, c -> c.issueTime(Date.from(now.minus(Duration.ofMinutes(20))))
                        .notBeforeTime(Date.from(now.minus(Duration.ofMinutes(20))))
                        .expirationTime(Date.from(now.minusSeconds(120)))));
        corpus.put("not yet valid", signed(caller, c -> c.notBeforeTime(Date.from(now.plusSeconds(120)))));
        corpus.put("wrong audience", signed(caller, c -> c.audience("another-api")));
        corpus.put("wrong issuer", signed(caller, c -> c.issuer("http://evil.test")));
        corpus.put("refresh token string", "rt_" + UUID.randomUUID().toString().replace("-", ""));
        corpus.put("truncated signature", valid.substring(0, valid.length() - 12));
        corpus.put("ES256 with an all-zero signature", zeroEcdsa(caller));
        corpus.put(
                "no typ header",
                sign(
                        SIGNING_KEY,
                        new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(KID).build(),
                        claims(caller).build()));
        corpus.put("typ claim refresh", signed(caller, c -> c.claim("typ", "refresh")));
        corpus.put("no tenant claim", signed(caller, c -> c.claim("tenant", null)));
        return corpus;
    }

    private static String signed(Caller caller, UnaryOperator<JWTClaimsSet.Builder> change) {
        return sign(
                SIGNING_KEY, header(KID).build(), change.apply(claims(caller)).build());
    }

    private static JWSHeader.Builder header(String kid) {
        return new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid).type(new JOSEObjectType("at+jwt"));
    }

    private static JWTClaimsSet.Builder claims(Caller caller) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .subject(caller.subject())
                .claim("tenant", caller.tenantId().toString())
                .claim("tenant_slug", caller.tenant())
                .claim("name", caller.name())
                .claim("roles", caller.roles())
                .claim("typ", "access")
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(15))));
    }

    private static String sign(RSAKey key, JWSHeader header, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(header, claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String unsigned(String headerJson, Caller caller) {
        return Base64URL.encode(headerJson) + "."
                + Base64URL.encode(claims(caller).build().toString()) + ".";
    }

    private static String hmacWithPublicKey(Caller caller) {
        try {
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.HS256)
                            .keyID(KID)
                            .type(new JOSEObjectType("at+jwt"))
                            .build(),
                    claims(caller).build());
            jwt.sign(new MACSigner(SIGNING_KEY.toRSAPublicKey().getEncoded()));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String zeroEcdsa(Caller caller) {
        String header = "{\"alg\":\"ES256\",\"typ\":\"at+jwt\",\"kid\":\"" + KID + "\"}";
        return Base64URL.encode(header) + "."
                + Base64URL.encode(claims(caller).build().toString()) + "." + Base64URL.encode(new byte[64]);
    }

    private static RSAKey generate(String kid) {
        try {
            return new RSAKeyGenerator(2048).keyID(kid).generate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
