package io.docmatrix.runtime.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class CallerIdentityFilterTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:15:30Z");
    private final IdentityHeaders headers = new IdentityHeaders(
            "a-test-secret-that-is-long-enough-000".getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(60));
    private final CallerIdentityFilter filter = new CallerIdentityFilter(headers, Clock.fixed(NOW, ZoneOffset.UTC));
    private final CallerIdentity analyst = new CallerIdentity(
            UUID.fromString("6f1c2a9e-4b7d-4e1a-9c3f-2d8e5b7a1c40"),
            "acme",
            "u-1",
            "alice",
            Set.of("ANALYST"),
            AuthKind.USER);

    @Test
    void logLinesOfAVerifiedRequestCarryItsTenantAndRequestIdOnlyWhileItRuns() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/documents");
        headers.sign(analyst, "GET", "/api/v1/documents", NOW).forEach(request::addHeader);
        request.addHeader("X-Request-Id", "req-42");
        Map<String, String> seen = new HashMap<>();

        filter.doFilter(request, new MockHttpServletResponse(), (req, res) -> seen.putAll(MDC.getCopyOfContextMap()));

        assertThat(seen)
                .containsEntry("tenant.slug", "acme")
                .containsEntry("tenant.id", "6f1c2a9e-4b7d-4e1a-9c3f-2d8e5b7a1c40")
                .containsEntry("request.id", "req-42");
        assertThat(MDC.get("tenant.slug")).isNull();
        assertThat(MDC.get("request.id")).isNull();
    }

    @Test
    void anUnverifiedRequestNamesNoTenant() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/documents");
        request.addHeader(IdentityHeaders.TENANT_ID, UUID.randomUUID().toString());
        Map<String, String> seen = new HashMap<>();

        filter.doFilter(request, new MockHttpServletResponse(), (req, res) -> {
            Map<String, String> context = MDC.getCopyOfContextMap();
            if (context != null) {
                seen.putAll(context);
            }
        });

        assertThat(seen).doesNotContainKeys("tenant.slug", "tenant.id", "request.id");
    }

    @Test
    void noLogKeyIsTheParentOfAnotherSoTheEcsEncoderKeepsTheLine() throws Exception {
        // ECS JSON nests dotted MDC keys: "tenant" beside "tenant.id" made the encoder drop every line of a request.
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/documents");
        headers.sign(analyst, "GET", "/api/v1/documents", NOW).forEach(request::addHeader);
        request.addHeader("X-Request-Id", "req-43");
        Map<String, String> seen = new HashMap<>();

        filter.doFilter(request, new MockHttpServletResponse(), (req, res) -> seen.putAll(MDC.getCopyOfContextMap()));

        for (String key : seen.keySet()) {
            assertThat(seen.keySet()).as(key).noneMatch(other -> other.startsWith(key + "."));
        }
    }
}
