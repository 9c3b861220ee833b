package io.docmatrix.auth.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeyRingTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Duration RETENTION = Duration.ofMinutes(16);

    @Test
    void publishesARotatedKeyBeforeItSigns() {
        SigningKey old = key("old", T0, T0);
        SigningKey next = key(
                "next",
                T0.plus(Duration.ofDays(30)),
                T0.plus(Duration.ofDays(30)).plusSeconds(600));
        KeyRing ring = new KeyRing(List.of(next, old), RETENTION);

        Instant between = T0.plus(Duration.ofDays(30)).plusSeconds(60);

        assertThat(ring.signing(between)).contains(old);
        assertThat(ring.published(between)).containsExactly(old, next);
    }

    @Test
    void signsWithTheNewKeyOnceActiveAndKeepsTheOldOnePublishedUntilItsTokensExpired() {
        SigningKey old = key("old", T0, T0);
        Instant activation = T0.plus(Duration.ofDays(1));
        SigningKey next = key("next", activation.minusSeconds(600), activation);
        KeyRing ring = new KeyRing(List.of(old, next), RETENTION);

        assertThat(ring.signing(activation)).contains(next);
        assertThat(ring.published(activation.plus(RETENTION).minusSeconds(1))).containsExactly(old, next);
        assertThat(ring.published(activation.plus(RETENTION))).containsExactly(next);
        assertThat(ring.expired(activation.plus(RETENTION))).containsExactly(old);
    }

    @Test
    void dueForRotationOnlyWhenTheSigningKeyIsOldAndNoSuccessorWaits() {
        SigningKey old = key("old", T0, T0);
        Instant late = T0.plus(Duration.ofDays(31));

        assertThat(new KeyRing(List.of(old), RETENTION).rotationDue(T0.plus(Duration.ofDays(1)), Duration.ofDays(30)))
                .isFalse();
        assertThat(new KeyRing(List.of(old), RETENTION).rotationDue(late, Duration.ofDays(30)))
                .isTrue();
        assertThat(new KeyRing(List.of(old, key("next", late, late.plusSeconds(600))), RETENTION)
                        .rotationDue(late, Duration.ofDays(30)))
                .isFalse();
    }

    @Test
    void anEmptyRingSignsWithNothingAndNeedsAKey() {
        KeyRing ring = new KeyRing(List.of(), RETENTION);

        assertThat(ring.signing(T0)).isEmpty();
        assertThat(ring.rotationDue(T0, Duration.ofDays(30))).isTrue();
    }

    private static SigningKey key(String kid, Instant createdAt, Instant activatesAt) {
        return new SigningKey(kid, createdAt, activatesAt, new byte[0], new byte[0]);
    }
}
