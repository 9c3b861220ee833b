package io.docmatrix.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.SignedJWT;
import io.docmatrix.runtime.identity.AuthKind;
import io.docmatrix.runtime.identity.CallerIdentity;
import io.docmatrix.runtime.identity.IdentityHeaders;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The base of every integration test of auth-service: the real service over HTTP on the real database and an
 * embedded broker, with the same annotations as {@link AuthServiceApplicationIT} so all share one Spring context.
 * Each test works in its own fresh tenant and from its own client address, so tests never see each other's data or
 * throttling counters.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@EmbeddedKafka(partitions = 1, bootstrapServersProperty = "spring.kafka.bootstrap-servers")
public abstract class AuthServiceIntegrationTest {

    protected static final String PASSWORD = "correct horse battery staple";

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @LocalServerPort
    protected int port;

    @Autowired
    protected IdentityHeaders identityHeaders;

    @Autowired
    protected JsonMapper json;

    @Autowired
    protected JdbcTemplate jdbc;

    /** A response with its JSON body parsed (a missing node for an empty body). */
    protected record Response(int status, HttpResponse<String> raw, JsonNode body) {

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        public String code() {
            return body.path("code").asString();
        }
    }

    /** A tenant created for one test, with its administrator. */
    protected record TestTenant(UUID id, String slug, String adminUsername, UUID adminId) {}

    protected static CallerIdentity platformAdmin() {
        return new CallerIdentity(
                UUID.randomUUID(),
                "platform",
                UUID.randomUUID().toString(),
                "root",
                Set.of("PLATFORM_ADMIN"),
                AuthKind.USER);
    }

    protected static CallerIdentity caller(TestTenant tenant, String... roles) {
        return new CallerIdentity(
                tenant.id(), tenant.slug(), UUID.randomUUID().toString(), "someone", Set.of(roles), AuthKind.USER);
    }

    protected static CallerIdentity adminOf(TestTenant tenant) {
        return new CallerIdentity(
                tenant.id(),
                tenant.slug(),
                tenant.adminId().toString(),
                tenant.adminUsername(),
                Set.of("ADMIN"),
                AuthKind.USER);
    }

    protected static String freshAddress() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(1, 255);
    }

    protected TestTenant newTenant() throws Exception {
        String slug = "t-" + UUID.randomUUID().toString().substring(0, 8);
        Response created = send(
                "POST",
                "/api/v1/tenants",
                Map.of("name", slug, "adminUsername", "boss", "adminPassword", PASSWORD),
                platformAdmin());
        assertThat(created.status()).isEqualTo(201);
        UUID id = UUID.fromString(created.body().path("id").asString());
        Response login = login(slug, "boss", PASSWORD, freshAddress());
        assertThat(login.status()).isEqualTo(200);
        UUID adminId = UUID.fromString(
                SignedJWT.parse(login.body().path("access_token").asString())
                        .getJWTClaimsSet()
                        .getSubject());
        return new TestTenant(id, slug, "boss", adminId);
    }

    /** Creates a user in the tenant through its administrator and returns the user's id. */
    protected UUID newUser(TestTenant tenant, String username, String... roles) throws Exception {
        Response created = send(
                "POST",
                "/api/v1/users",
                Map.of("username", username, "password", PASSWORD, "roles", List.of(roles)),
                adminOf(tenant));
        assertThat(created.status()).isEqualTo(201);
        return UUID.fromString(created.body().path("id").asString());
    }

    protected Response login(String tenant, String username, String password, String address) throws Exception {
        return send(
                "POST",
                "/api/v1/auth/token",
                Map.of("tenant", tenant, "username", username, "password", password),
                null,
                Map.of("X-DocMatrix-Client-Address", address));
    }

    protected Response refresh(String refreshToken) throws Exception {
        return send("POST", "/api/v1/auth/refresh", Map.of("refresh_token", refreshToken), null);
    }

    protected Response send(String method, String path, @Nullable Object body, @Nullable CallerIdentity caller)
            throws Exception {
        return send(method, path, body, caller, Map.of());
    }

    protected Response send(
            String method,
            String path,
            @Nullable Object body,
            @Nullable CallerIdentity caller,
            Map<String, String> headers)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(20))
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(
                                        body instanceof String text ? text : json.writeValueAsString(body)));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (caller != null) {
            identityHeaders.sign(caller, method, path, Instant.now()).forEach(request::header);
        }
        headers.forEach(request::header);
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode parsed = response.body().isEmpty() ? json.missingNode() : json.readTree(response.body());
        return new Response(response.statusCode(), response, parsed);
    }

    /** The ce_types of the audit events in the outbox for one tenant, oldest first. */
    protected List<String> auditTypes(String tenantSlug) {
        return jdbc.queryForList(
                "SELECT type FROM outbox WHERE aggregateid = ? AND aggregatetype = 'identity.audit.v1' ORDER BY created_at, id",
                String.class,
                tenantSlug);
    }

    protected List<JsonNode> auditPayloads(String tenantSlug, String type) {
        return jdbc
                .queryForList(
                        "SELECT payload::text FROM outbox WHERE aggregateid = ? AND type = ? ORDER BY created_at",
                        String.class,
                        tenantSlug,
                        type)
                .stream()
                .map(json::readTree)
                .toList();
    }
}
