package io.docmatrix.gateway.access.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

class JwksCacheTest {

    private final AtomicReference<JWKSet> published = new AtomicReference<>();
    private final AtomicInteger fetches = new AtomicInteger();
    private final MutableClock clock = new MutableClock();
    private final JwksCache cache = new JwksCache(
            () -> Mono.fromSupplier(() -> {
                fetches.incrementAndGet();
                return published.get();
            }),
            clock,
            Duration.ofSeconds(30),
            Duration.ofMinutes(5));

    @Test
    void refetchesForAnUnknownKidAtMostOncePerInterval() throws Exception {
        published.set(new JWKSet(key("k1")));
        assertThat(keysFor("k1")).hasSize(1);

        for (int i = 0; i < 20; i++) {
            assertThat(keysFor("k-unknown")).isEmpty();
        }

        assertThat(fetches.get()).isEqualTo(1);
    }

    @Test
    void picksUpARotatedKeyOnceTheIntervalHasPassed() throws Exception {
        published.set(new JWKSet(key("k1")));
        keysFor("k1");
        published.set(new JWKSet(List.of(key("k1"), key("k2"))));

        clock.advance(Duration.ofSeconds(31));
        List<JWK> rotated = keysFor("k2");

        assertThat(rotated).extracting(JWK::getKeyID).containsExactly("k2");
        assertThat(fetches.get()).isEqualTo(2);
    }

    @Test
    void keepsUsingKnownKeysWhenAuthIsDownAtRefreshTime() throws Exception {
        published.set(new JWKSet(key("k1")));
        keysFor("k1");
        published.set(null);

        clock.advance(Duration.ofMinutes(6));

        assertThat(keysFor("k1")).hasSize(1);
    }

    private List<JWK> keysFor(String kid) throws Exception {
        SignedJWT token = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid).build().toBase64URL(),
                new JWTClaimsSet.Builder().build().toPayload().toBase64URL(),
                Base64URL.encode(new byte[8]));
        return cache.keysFor(token).collectList().block();
    }

    private static JWK key(String kid) throws Exception {
        return new RSAKeyGenerator(2048).keyID(kid).generate().toPublicJWK();
    }

    private static final class MutableClock extends Clock {

        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
