package io.docmatrix.ingestion.document;

import static org.assertj.core.api.Assertions.assertThat;

import io.docmatrix.runtime.identity.AuthKind;
import io.docmatrix.runtime.identity.CallerIdentity;
import io.docmatrix.runtime.identity.IdentityHeaders;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The document read API over HTTP, against rows in the real database, as a caller the gateway vouched for. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@EmbeddedKafka(partitions = 1, bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class DocumentApiIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    IdentityHeaders identityHeaders;

    private final UUID tenant = UUID.randomUUID();
    private final UUID otherTenant = UUID.randomUUID();

    @Test
    void showsTheLatestVersionWithEveryVersionSummarised() throws Exception {
        UUID id = UUID.randomUUID();
        insert(tenant, id, 1, "READY", Instant.now().minusSeconds(60));
        insert(tenant, id, 2, "PARSING", Instant.now());

        JsonNode body = json(get(viewer(tenant), "/api/v1/documents/" + id));

        assertThat(body.get("version").asInt()).isEqualTo(2);
        assertThat(body.get("status").asString()).isEqualTo("PARSING");
        assertThat(body.get("versions")).hasSize(2);
    }

    @Test
    void answersAnotherTenantsDocumentWith404LikeAMissingOne() throws Exception {
        UUID id = UUID.randomUUID();
        insert(otherTenant, id, 1, "READY", Instant.now());

        HttpResponse<String> foreign = get(viewer(tenant), "/api/v1/documents/" + id);
        HttpResponse<String> missing = get(viewer(tenant), "/api/v1/documents/" + UUID.randomUUID());

        assertThat(foreign.statusCode()).isEqualTo(404);
        assertThat(json(foreign).get("code").asString()).isEqualTo("NOT_FOUND");
        assertThat(json(foreign).get("detail")).isEqualTo(json(missing).get("detail"));
    }

    @Test
    void pagesThroughTheListingNewestFirstWithoutGapsOrRepeats() throws Exception {
        Instant base = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        for (int i = 0; i < 5; i++) {
            insert(tenant, UUID.randomUUID(), 1, i % 2 == 0 ? "READY" : "FAILED", base.plusSeconds(i));
        }
        insert(otherTenant, UUID.randomUUID(), 1, "READY", base.plusSeconds(10));

        JsonNode first = json(get(viewer(tenant), "/api/v1/documents?limit=2"));
        JsonNode second = json(get(
                viewer(tenant),
                "/api/v1/documents?limit=2&cursor=" + first.get("nextCursor").asString()));
        JsonNode third = json(get(
                viewer(tenant),
                "/api/v1/documents?limit=2&cursor=" + second.get("nextCursor").asString()));

        assertThat(first.get("items")).hasSize(2);
        assertThat(second.get("items")).hasSize(2);
        assertThat(third.get("items")).hasSize(1);
        assertThat(third.get("nextCursor").isNull()).isTrue();
        assertThat(first.get("items").get(0).get("timestamps").get("receivedAt").asString())
                .isEqualTo(base.plusSeconds(4).toString());
    }

    @Test
    void filtersTheListingByStatus() throws Exception {
        insert(tenant, UUID.randomUUID(), 1, "READY", Instant.now());
        insert(tenant, UUID.randomUUID(), 1, "FAILED", Instant.now());

        JsonNode failed = json(get(viewer(tenant), "/api/v1/documents?status=FAILED"));

        assertThat(failed.get("items")).hasSize(1);
        assertThat(failed.get("items").get(0).get("status").asString()).isEqualTo("FAILED");
    }

    @Test
    void rejectsACursorItDidNotIssue() throws Exception {
        HttpResponse<String> response = get(viewer(tenant), "/api/v1/documents?cursor=bm90LWEtY3Vyc29y");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("code").asString()).isEqualTo("INVALID_CURSOR");
    }

    @Test
    void refusesACallerWithoutVerifiedIdentity() throws Exception {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/documents"))
                        .header(IdentityHeaders.TENANT_ID, tenant.toString())
                        .header(IdentityHeaders.ROLES, "ADMIN")
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(json(response).get("code").asString()).isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void letsAnAdminDeleteADocumentOfItsTenantOnly() throws Exception {
        UUID id = UUID.randomUUID();
        insert(tenant, id, 1, "READY", Instant.now());

        HttpResponse<String> byViewer = send("DELETE", caller(tenant, "VIEWER"), "/api/v1/documents/" + id);
        HttpResponse<String> byOtherTenant = send("DELETE", caller(otherTenant, "ADMIN"), "/api/v1/documents/" + id);
        HttpResponse<String> byAdmin = send("DELETE", caller(tenant, "ADMIN"), "/api/v1/documents/" + id);

        assertThat(byViewer.statusCode()).isEqualTo(403);
        assertThat(byOtherTenant.statusCode()).isEqualTo(404);
        assertThat(byAdmin.statusCode()).isEqualTo(204);
        assertThat(get(viewer(tenant), "/api/v1/documents/" + id).statusCode()).isEqualTo(404);
    }

    @Test
    void requeuesAFinalDocumentForReprocessingButNotOneInFlight() throws Exception {
        UUID done = UUID.randomUUID();
        UUID busy = UUID.randomUUID();
        insert(tenant, done, 1, "FAILED", Instant.now());
        insert(tenant, busy, 1, "PARSING", Instant.now());

        HttpResponse<String> requeued =
                send("POST", caller(tenant, "ANALYST"), "/api/v1/documents/" + done + "/reprocess");
        HttpResponse<String> refused =
                send("POST", caller(tenant, "ANALYST"), "/api/v1/documents/" + busy + "/reprocess");

        assertThat(requeued.statusCode()).isEqualTo(202);
        assertThat(json(requeued).get("status").asString()).isEqualTo("RECEIVED");
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(json(refused).get("code").asString()).isEqualTo("DOCUMENT_IN_PROGRESS");
    }

    @Test
    void streamsProgressUntilTheDocumentIsFinal() throws Exception {
        UUID id = UUID.randomUUID();
        insert(tenant, id, 1, "READY", Instant.now());

        HttpResponse<String> stream = get(viewer(tenant), "/api/v1/documents/" + id + "/events");

        assertThat(stream.statusCode()).isEqualTo(200);
        assertThat(stream.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/event-stream"));
        assertThat(stream.body()).contains("event:status").contains("\"status\":\"READY\"");
    }

    @Test
    void exportsInFlightAndStuckDocumentCounts() throws Exception {
        HttpResponse<String> metrics = HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/prometheus"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(metrics.body())
                .contains("docmatrix_ingestion_documents_stuck")
                .contains("docmatrix_ingestion_documents_in_flight{");
    }

    private CallerIdentity caller(UUID tenantId, String role) {
        return new CallerIdentity(tenantId, "t-" + tenantId, "user-2", "someone", Set.of(role), AuthKind.USER);
    }

    private HttpResponse<String> send(String method, CallerIdentity caller, String path) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        identityHeaders.sign(caller, method, path, Instant.now()).forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private CallerIdentity viewer(UUID tenantId) {
        return new CallerIdentity(tenantId, "t-" + tenantId, "user-1", "viewer", Set.of("VIEWER"), AuthKind.USER);
    }

    private HttpResponse<String> get(CallerIdentity caller, String pathAndQuery) throws Exception {
        String path = pathAndQuery.contains("?") ? pathAndQuery.substring(0, pathAndQuery.indexOf('?')) : pathAndQuery;
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery));
        identityHeaders.sign(caller, "GET", path, Instant.now()).forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    private void insert(UUID tenantId, UUID id, int version, String status, Instant receivedAt) {
        jdbc.sql("UPDATE document SET latest = false WHERE id = :id")
                .param("id", id)
                .update();
        jdbc.sql(
                        """
                        INSERT INTO document (id, version, tenant_id, status, filename, content_type, size_bytes, sha256,
                                              blob_store, blob_key, uploaded_by, received_at)
                        VALUES (:id, :version, :tenant, :status, 'contract.pdf', 'application/pdf', 1024, 'abc',
                                'filesystem', :key, 'user-1', :receivedAt)
                        """)
                .param("id", id)
                .param("version", version)
                .param("tenant", tenantId)
                .param("status", status)
                .param("key", tenantId + "/" + id + "/" + version)
                .param("receivedAt", Timestamp.from(receivedAt))
                .update();
    }
}
