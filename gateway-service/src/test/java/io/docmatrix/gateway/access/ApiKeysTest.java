package io.docmatrix.gateway.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

class ApiKeysTest {

    private final AtomicLong nanos = new AtomicLong();
    private final FakeAuth auth = new FakeAuth();
    private final ApiKeys keys = new ApiKeys(auth, Duration.ofSeconds(30), Duration.ofSeconds(5), nanos::get);

    @Test
    void trustsAVerifiedKeyUntilThePositiveTtlEnds() {
        auth.valid.put("dmx_a_1", owner());

        keys.verify("dmx_a_1").block();
        advance(Duration.ofSeconds(29));
        keys.verify("dmx_a_1").block();
        advance(Duration.ofSeconds(2));
        Optional<VerifiedApiKey> afterTtl = keys.verify("dmx_a_1").block();

        assertThat(afterTtl).isPresent();
        assertThat(auth.calls).isEqualTo(2);
    }

    @Test
    void remembersARejectionOnlyBriefly() {
        keys.verify("dmx_b_1").block();
        keys.verify("dmx_b_1").block();
        advance(Duration.ofSeconds(6));
        auth.valid.put("dmx_b_1", owner());

        Optional<VerifiedApiKey> afterNegativeTtl = keys.verify("dmx_b_1").block();

        assertThat(afterNegativeTtl).isPresent();
        assertThat(auth.calls).isEqualTo(2);
    }

    @Test
    void neverCachesAnOutage() {
        auth.down = true;
        assertThatThrownBy(() -> keys.verify("dmx_c_1").block()).isInstanceOf(AuthUnavailableException.class);
        auth.down = false;
        auth.valid.put("dmx_c_1", owner());

        Optional<VerifiedApiKey> afterRecovery = keys.verify("dmx_c_1").block();

        assertThat(afterRecovery).isPresent();
    }

    private void advance(Duration duration) {
        nanos.addAndGet(duration.toNanos());
    }

    private static VerifiedApiKey owner() {
        return new VerifiedApiKey("key-1", UUID.randomUUID(), "acme", "ANALYST", "dmx_a", "ci");
    }

    private static final class FakeAuth implements ApiKeyVerification {

        final Map<String, VerifiedApiKey> valid = new HashMap<>();
        int calls;
        boolean down;

        @Override
        public Mono<Optional<VerifiedApiKey>> verify(String key) {
            calls++;
            if (down) {
                return Mono.error(new AuthUnavailableException("down", new IllegalStateException()));
            }
            return Mono.just(Optional.ofNullable(valid.get(key)));
        }
    }
}
