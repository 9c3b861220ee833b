package io.docmatrix.runtime.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class IdentityHeadersTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:15:30Z");
    private final IdentityHeaders headers = new IdentityHeaders(
            "a-test-secret-that-is-long-enough-000".getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(60));
    private final CallerIdentity analyst = new CallerIdentity(
            UUID.fromString("6f1c2a9e-4b7d-4e1a-9c3f-2d8e5b7a1c40"),
            "acme",
            "u-1",
            "alice",
            Set.of("ANALYST"),
            AuthKind.USER);

    @Test
    void verifiesWhatItSigned() {
        Map<String, String> signed = headers.sign(analyst, "GET", "/api/v1/documents", NOW);

        assertThat(headers.verify(signed::get, "GET", "/api/v1/documents", NOW.plusSeconds(10)))
                .contains(analyst);
    }

    @Test
    void rejectsAnyChangedField() {
        Map<String, String> signed = new HashMap<>(headers.sign(analyst, "GET", "/api/v1/documents", NOW));

        signed.put(IdentityHeaders.ROLES, "ADMIN");

        assertThat(headers.verify(signed::get, "GET", "/api/v1/documents", NOW)).isEmpty();
    }

    @Test
    void rejectsReplayOnAnotherPathOrMethod() {
        Map<String, String> signed = headers.sign(analyst, "GET", "/api/v1/documents", NOW);

        assertThat(headers.verify(signed::get, "DELETE", "/api/v1/documents", NOW))
                .isEmpty();
        assertThat(headers.verify(signed::get, "GET", "/api/v1/users", NOW)).isEmpty();
    }

    @Test
    void rejectsSignaturesOlderThanTheMaximumAge() {
        Map<String, String> signed = headers.sign(analyst, "GET", "/api/v1/documents", NOW);

        assertThat(headers.verify(signed::get, "GET", "/api/v1/documents", NOW.plusSeconds(61)))
                .isEmpty();
    }

    @Test
    void rejectsHeadersSignedWithAnotherSecret() {
        IdentityHeaders forger = new IdentityHeaders(
                "another-secret-that-is-long-enough-0000".getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(60));

        Map<String, String> forged = forger.sign(analyst, "GET", "/api/v1/documents", NOW);

        assertThat(headers.verify(forged::get, "GET", "/api/v1/documents", NOW)).isEmpty();
    }

    @Test
    void rejectsMissingHeaders() {
        Map<String, String> signed = new HashMap<>(headers.sign(analyst, "GET", "/api/v1/documents", NOW));

        signed.remove(IdentityHeaders.TENANT_ID);

        assertThat(headers.verify(signed::get, "GET", "/api/v1/documents", NOW)).isEmpty();
    }

    @Test
    void refusesShortSecrets() {
        assertThatThrownBy(() -> new IdentityHeaders(new byte[16], Duration.ofSeconds(60)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
