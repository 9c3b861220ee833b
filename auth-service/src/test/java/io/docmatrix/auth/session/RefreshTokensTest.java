package io.docmatrix.auth.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.docmatrix.auth.MutableClock;
import io.docmatrix.auth.TestProperties;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RefreshTokensTest {

    private static final UUID TENANT = UUID.randomUUID();
    private static final UUID USER = UUID.randomUUID();

    private final InMemoryRefreshTokenRepository repository = new InMemoryRefreshTokenRepository();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final RefreshTokens tokens = new RefreshTokens(repository, TestProperties.defaults(), clock);

    @Test
    void storesOnlyHashesOfHighEntropyTokens() {
        String token = tokens.startFamily(TENANT, USER);

        assertThat(token).matches("[A-Za-z0-9_-]{43}");
        assertThat(repository.all()).singleElement().satisfies(stored -> {
            assertThat(stored.hash()).hasSize(32).isEqualTo(RefreshTokens.hash(token));
            assertThat(stored.expiresAt()).isEqualTo(clock.instant().plus(Duration.ofDays(7)));
        });
    }

    @Test
    void exchangesTheCurrentTokenForASuccessorInTheSameFamily() {
        String first = tokens.startFamily(TENANT, USER);

        RefreshTokens.Exchange exchange = tokens.exchange(first);

        assertThat(exchange).isInstanceOf(RefreshTokens.Exchange.Rotated.class);
        String second = ((RefreshTokens.Exchange.Rotated) exchange).token();
        assertThat(second).isNotEqualTo(first);
        assertThat(repository.all())
                .extracting(RefreshToken::familyId)
                .containsOnly(repository.all().get(0).familyId());
        assertThat(tokens.exchange(second)).isInstanceOf(RefreshTokens.Exchange.Rotated.class);
    }

    @Test
    void presentingAUsedTokenRevokesTheWholeFamily() {
        String first = tokens.startFamily(TENANT, USER);
        String second = ((RefreshTokens.Exchange.Rotated) tokens.exchange(first)).token();
        String otherFamily = tokens.startFamily(TENANT, USER);

        RefreshTokens.Exchange reuse = tokens.exchange(first);

        assertThat(reuse).isInstanceOf(RefreshTokens.Exchange.Reused.class);
        assertThat(tokens.exchange(second)).isInstanceOf(RefreshTokens.Exchange.Rejected.class);
        assertThat(tokens.exchange(otherFamily)).isInstanceOf(RefreshTokens.Exchange.Rotated.class);
    }

    @Test
    void rejectsExpiredAndUnknownTokens() {
        String token = tokens.startFamily(TENANT, USER);

        clock.advance(Duration.ofDays(7));

        assertThat(tokens.exchange(token)).isInstanceOf(RefreshTokens.Exchange.Rejected.class);
        assertThat(tokens.exchange("never-issued")).isInstanceOf(RefreshTokens.Exchange.Rejected.class);
    }

    @Test
    void revokingAllOfAUserEndsEveryFamily() {
        String one = tokens.startFamily(TENANT, USER);
        String two = tokens.startFamily(TENANT, USER);

        tokens.revokeAll(TENANT, USER);

        assertThat(tokens.exchange(one)).isInstanceOf(RefreshTokens.Exchange.Rejected.class);
        assertThat(tokens.exchange(two)).isInstanceOf(RefreshTokens.Exchange.Rejected.class);
    }

    @Test
    void logoutEndsOnlyTheFamilyOfThePresentedToken() {
        String first = tokens.startFamily(TENANT, USER);
        String second = ((RefreshTokens.Exchange.Rotated) tokens.exchange(first)).token();
        String other = tokens.startFamily(TENANT, USER);

        tokens.revokeFamilyOf(second);

        assertThat(tokens.exchange(second)).isInstanceOf(RefreshTokens.Exchange.Rejected.class);
        assertThat(tokens.exchange(other)).isInstanceOf(RefreshTokens.Exchange.Rotated.class);
    }
}
