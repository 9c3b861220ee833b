package io.docmatrix.eval.abuse.tokens;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Forged access tokens built from a real one, from outside the platform: the harness has no signing key, so every
 * forgery either keeps the real signature over changed content, or signs with a key of its own, or with none. (The
 * gateway's own corpus test, {@code TamperedTokenCorpusTest}, holds the signing key and also covers validly signed
 * expired/wrong-audience tokens; this one proves the running gateway refuses what an attacker can really make.)
 */
final class Forgeries {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final String real;
    private final ObjectNode header;
    private final ObjectNode claims;
    private final String signature;
    private final JsonNode jwk;
    private final String listenerUrl;
    private final String refreshToken;
    private final String otherTenantId;
    private final KeyPair attackerKey;

    Forgeries(String real, JsonNode jwk, String listenerUrl, String refreshToken, String otherTenantId)
            throws GeneralSecurityException {
        this.real = real;
        String[] parts = real.split("\\.");
        this.header = (ObjectNode) JSON.readTree(Base64.getUrlDecoder().decode(parts[0]));
        this.claims = (ObjectNode) JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
        this.signature = parts[2];
        this.jwk = jwk;
        this.listenerUrl = listenerUrl;
        this.refreshToken = refreshToken;
        this.otherTenantId = otherTenantId;
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        this.attackerKey = generator.generateKeyPair();
    }

    /** Name → the Authorization header value to send. */
    Map<String, String> all() throws GeneralSecurityException {
        Map<String, String> tokens = new LinkedHashMap<>();
        long now = Instant.now().getEpochSecond();
        String kid = header.path("kid").asString("");
        // Algorithm confusion
        tokens.put("alg-none", "Bearer " + unsigned(h -> h.put("alg", "none"), c -> {}) + ".");
        tokens.put("alg-none-uppercase", "Bearer " + unsigned(h -> h.put("alg", "NONE"), c -> {}) + ".");
        tokens.put(
                "alg-none-real-signature", "Bearer " + unsigned(h -> h.put("alg", "none"), c -> {}) + "." + signature);
        tokens.put("hs256-with-public-key-der", "Bearer " + hmac(publicKey().getEncoded()));
        tokens.put(
                "hs256-with-public-key-pem",
                "Bearer " + hmac(pem(publicKey().getEncoded()).getBytes(StandardCharsets.US_ASCII)));
        tokens.put("hs256-with-jwk-json", "Bearer " + hmac(jwk.toString().getBytes(StandardCharsets.UTF_8)));
        tokens.put(
                "es256-zero-signature",
                "Bearer " + unsigned(h -> h.put("alg", "ES256"), c -> {}) + "." + B64.encodeToString(new byte[64]));
        // Wrong keys and key confusion
        tokens.put("wrong-key-known-kid", "Bearer " + rs256(h -> {}, c -> {}));
        tokens.put("wrong-key-unknown-kid", "Bearer " + rs256(h -> h.put("kid", "attacker-key"), c -> {}));
        tokens.put("wrong-key-no-kid", "Bearer " + rs256(h -> h.remove("kid"), c -> {}));
        tokens.put("embedded-jwk", "Bearer " + rs256(h -> h.set("jwk", attackerJwk()), c -> {}));
        tokens.put("jku-to-listener", "Bearer " + rs256(h -> h.put("jku", listenerUrl + "jku"), c -> {}));
        tokens.put("x5u-to-listener", "Bearer " + rs256(h -> h.put("x5u", listenerUrl + "x5u"), c -> {}));
        tokens.put("kid-path-traversal", "Bearer " + rs256(h -> h.put("kid", "../../../../dev/null"), c -> {}));
        tokens.put("kid-sql", "Bearer " + rs256(h -> h.put("kid", "' OR '1'='1"), c -> {}));
        tokens.put("kid-empty", "Bearer " + rs256(h -> h.put("kid", ""), c -> {}));
        tokens.put(
                "real-kid-with-crit",
                "Bearer " + tampered(h -> h.putArray("crit").add("exp"), c -> {}));
        // Tampered claims under the real signature
        tokens.put(
                "expired",
                "Bearer " + tampered(h -> {}, c -> c.put("exp", now - 3600).put("iat", now - 7200)));
        tokens.put("not-yet-valid", "Bearer " + tampered(h -> {}, c -> c.put("nbf", now + 3600)));
        tokens.put("wrong-audience", "Bearer " + tampered(h -> {}, c -> c.put("aud", "someone-else")));
        tokens.put("wrong-issuer", "Bearer " + tampered(h -> {}, c -> c.put("iss", "https://evil.example")));
        tokens.put("other-tenant", "Bearer " + tampered(h -> {}, c -> c.put("tenant", otherTenantId)));
        tokens.put(
                "escalated-roles",
                "Bearer " + tampered(h -> {}, c -> c.putArray("roles").add("PLATFORM_ADMIN")));
        tokens.put("typ-refresh", "Bearer " + tampered(h -> {}, c -> c.put("typ", "refresh")));
        tokens.put(
                "other-subject",
                "Bearer " + tampered(h -> {}, c -> c.put("sub", "00000000-0000-0000-0000-000000000001")));
        tokens.put("missing-tenant", "Bearer " + tampered(h -> {}, c -> c.remove("tenant")));
        tokens.put("header-typ-jwt", "Bearer " + tampered(h -> h.put("typ", "JWT"), c -> {}));
        tokens.put("header-kid-swapped", "Bearer " + tampered(h -> h.put("kid", kid + "x"), c -> {}));
        // Broken encodings
        tokens.put("truncated-signature", "Bearer " + real.substring(0, real.length() - 10));
        tokens.put("no-signature", "Bearer " + real.substring(0, real.lastIndexOf('.') + 1));
        tokens.put("two-parts", "Bearer " + real.substring(0, real.lastIndexOf('.')));
        tokens.put("four-parts", "Bearer " + real + ".e30");
        tokens.put("padded-base64", "Bearer " + real.replaceFirst("\\.", "==."));
        tokens.put("flipped-signature-bit", "Bearer " + flipLast(real));
        tokens.put("garbage", "Bearer not-a-token");
        tokens.put("empty-bearer", "Bearer ");
        tokens.put("very-long", "Bearer " + "a".repeat(6_000));
        tokens.put("refresh-token-as-access", "Bearer " + refreshToken);
        tokens.put(
                "basic-scheme",
                "Basic " + Base64.getEncoder().encodeToString("admin:admin".getBytes(StandardCharsets.UTF_8)));
        tokens.put("fake-api-key", "ApiKey dmx_abcdefgh_" + "x".repeat(40));
        tokens.put("api-key-sql", "ApiKey ' OR '1'='1");
        tokens.put("api-key-empty", "ApiKey ");
        return tokens;
    }

    private String unsigned(Consumer<ObjectNode> headerChange, Consumer<ObjectNode> claimsChange) {
        ObjectNode h = header.deepCopy();
        ObjectNode c = claims.deepCopy();
        headerChange.accept(h);
        claimsChange.accept(c);
        return B64.encodeToString(JSON.writeValueAsBytes(h)) + "." + B64.encodeToString(JSON.writeValueAsBytes(c));
    }

    private String tampered(Consumer<ObjectNode> headerChange, Consumer<ObjectNode> claimsChange) {
        return unsigned(headerChange, claimsChange) + "." + signature;
    }

    private String hmac(byte[] key) throws GeneralSecurityException {
        String content = unsigned(h -> h.put("alg", "HS256"), c -> {});
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return content + "." + B64.encodeToString(mac.doFinal(content.getBytes(StandardCharsets.US_ASCII)));
    }

    private String rs256(Consumer<ObjectNode> headerChange, Consumer<ObjectNode> claimsChange)
            throws GeneralSecurityException {
        String content = unsigned(
                h -> {
                    h.put("alg", "RS256");
                    headerChange.accept(h);
                },
                claimsChange);
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(attackerKey.getPrivate());
        rsa.update(content.getBytes(StandardCharsets.US_ASCII));
        return content + "." + B64.encodeToString(rsa.sign());
    }

    private ObjectNode attackerJwk() {
        RSAPublicKey key = (RSAPublicKey) attackerKey.getPublic();
        return JSON.createObjectNode()
                .put("kty", "RSA")
                .put("kid", header.path("kid").asString(""))
                .put("n", B64.encodeToString(unsigned(key.getModulus())))
                .put("e", B64.encodeToString(unsigned(key.getPublicExponent())));
    }

    private PublicKey publicKey() throws GeneralSecurityException {
        BigInteger n =
                new BigInteger(1, Base64.getUrlDecoder().decode(jwk.path("n").asString()));
        BigInteger e =
                new BigInteger(1, Base64.getUrlDecoder().decode(jwk.path("e").asString()));
        return KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(n, e));
    }

    private static String pem(byte[] der) {
        return "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(der) + "\n-----END PUBLIC KEY-----\n";
    }

    private static byte[] unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        return bytes[0] == 0 ? java.util.Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }

    private static String flipLast(String token) {
        char last = token.charAt(token.length() - 2);
        return token.substring(0, token.length() - 2) + (last == 'A' ? 'B' : 'A') + token.charAt(token.length() - 1);
    }
}
