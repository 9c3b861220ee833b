package io.docmatrix.analysis.clause;

import static org.assertj.core.api.Assertions.assertThat;

import io.docmatrix.analysis.document.DocumentForAnalysis;
import io.docmatrix.embedding.EmbeddingModel;
import io.docmatrix.runtime.identity.AuthKind;
import io.docmatrix.runtime.identity.CallerIdentity;
import io.docmatrix.runtime.identity.IdentityHeaders;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Learning exemplars over HTTP into the real database, and their effect confined to the tenant that learned them. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@EmbeddedKafka(partitions = 1, bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class ClauseExemplarApiIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PATH = "/api/v1/clause-exemplars";
    private static final String CLAUSE = "The Supplier shall keep a stock of spare parts for seven years after the"
            + " last delivery and sell them to the Buyer at the prices then in effect.";

    @LocalServerPort
    int port;

    @Autowired
    IdentityHeaders identityHeaders;

    @Autowired
    ClauseLabeller labeller;

    @Autowired
    ClauseAgent agent;

    @Autowired
    EmbeddingModel model;

    private final UUID tenantA = UUID.randomUUID();
    private final UUID tenantB = UUID.randomUUID();

    @Test
    void learnsExemplarsCountsThemAndForgetsThem() throws Exception {
        HttpResponse<String> learned = send(
                "POST",
                admin(tenantA),
                PATH,
                body(Map.of(
                        "exemplars",
                        List.of(
                                Map.of("category", "Post-Termination Services", "text", CLAUSE),
                                Map.of(
                                        "category",
                                        "Audit Rights",
                                        "text",
                                        "The Buyer may inspect the Supplier's plant."),
                                Map.of("category", "Post-Termination Services", "text", CLAUSE)))));

        assertThat(learned.statusCode()).isEqualTo(201);
        assertThat(json(learned).get("received").asInt()).isEqualTo(3);
        assertThat(json(learned).get("added").asInt()).isEqualTo(2);
        JsonNode stats = json(send("GET", admin(tenantA), PATH + "/stats", null));
        assertThat(stats.get("total").asInt()).isEqualTo(2);
        assertThat(stats.get("byCategory").get("Post-Termination Services").asInt())
                .isEqualTo(1);
        assertThat(json(send("GET", admin(tenantB), PATH + "/stats", null))
                        .get("total")
                        .asInt())
                .isZero();

        HttpResponse<String> cleared = send("DELETE", admin(tenantA), PATH, null);

        assertThat(json(cleared).get("deleted").asInt()).isEqualTo(2);
        assertThat(json(send("GET", admin(tenantA), PATH + "/stats", null))
                        .get("total")
                        .asInt())
                .isZero();
    }

    @Test
    void aTenantsExemplarsAffectOnlyItsOwnDocuments() throws Exception {
        String text = TestDocuments.fixture("services-agreement.txt") + "\n\n11. SPARE PARTS\n\n11.1 " + CLAUSE + "\n";
        DocumentForAnalysis ofA = TestDocuments.document(tenantA, text, model);
        DocumentForAnalysis ofB = TestDocuments.document(tenantB, text, model);

        HttpResponse<String> learned = send(
                "POST",
                admin(tenantA),
                PATH,
                body(Map.of("exemplars", List.of(Map.of("category", "Post-Termination Services", "text", CLAUSE)))));

        assertThat(learned.statusCode()).isEqualTo(201);
        double forA = spareParts(labeller.label(ofA).matches());
        double forB = spareParts(labeller.label(ofB).matches());
        assertThat(forA).isGreaterThan(0.9);
        assertThat(forB).isLessThan(forA);
        assertThat(agent.score(ofB).spans())
                .allSatisfy(c -> assertThat(c.sentenceL()).isEqualTo(-1));
    }

    /** Confidence of the Post-Termination Services label on the spare-parts clause, 0 when it is not labelled. */
    private static double spareParts(List<ClauseMatch> matches) {
        return matches.stream()
                .filter(m -> m.category().equals("Post-Termination Services"))
                .filter(m -> m.text().contains("spare parts for seven years"))
                .mapToDouble(ClauseMatch::confidence)
                .max()
                .orElse(0);
    }

    @Test
    void rejectsAnUnknownCategoryWithAProblemAndStoresNothing() throws Exception {
        HttpResponse<String> response = send(
                "POST",
                admin(tenantA),
                PATH,
                body(Map.of(
                        "exemplars",
                        List.of(
                                Map.of("category", "Audit Rights", "text", "The Buyer may audit the books."),
                                Map.of("category", "Termination For Whatever", "text", "Either party may leave.")))));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(json(response).get("code").asString()).isEqualTo("UNKNOWN_CLAUSE_CATEGORY");
        assertThat(json(send("GET", admin(tenantA), PATH + "/stats", null))
                        .get("total")
                        .asInt())
                .isZero();
    }

    @Test
    void rejectsAnEmptyTextAndAnOversizedBatch() throws Exception {
        HttpResponse<String> empty = send(
                "POST",
                admin(tenantA),
                PATH,
                body(Map.of("exemplars", List.of(Map.of("category", "Audit Rights", "text", "   ")))));
        List<Map<String, String>> many = java.util.stream.IntStream.range(0, 257)
                .mapToObj(i -> Map.of("category", "Audit Rights", "text", "audit " + i))
                .toList();
        HttpResponse<String> tooMany = send("POST", admin(tenantA), PATH, body(Map.of("exemplars", many)));
        HttpResponse<String> malformed = send("POST", admin(tenantA), PATH, "{\"exemplars\": [");

        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(json(empty).get("code").asString()).isEqualTo("EMPTY_EXEMPLAR_TEXT");
        assertThat(tooMany.statusCode()).isEqualTo(400);
        assertThat(json(tooMany).get("code").asString()).isEqualTo("TOO_MANY_EXEMPLARS");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(json(malformed).get("code").asString()).isEqualTo("BAD_REQUEST");
    }

    @Test
    void onlyAdministratorsManageExemplars() throws Exception {
        CallerIdentity analyst = new CallerIdentity(tenantA, "acme", "u-2", "ana", Set.of("ANALYST"), AuthKind.USER);

        HttpResponse<String> response = send(
                "POST",
                analyst,
                PATH,
                body(Map.of("exemplars", List.of(Map.of("category", "Audit Rights", "text", "The Buyer may audit.")))));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(json(response).get("code").asString()).isEqualTo("FORBIDDEN");
        assertThat(send("GET", analyst, PATH + "/stats", null).statusCode()).isEqualTo(403);
        assertThat(send("DELETE", analyst, PATH, null).statusCode()).isEqualTo(403);
    }

    private CallerIdentity admin(UUID tenant) {
        return new CallerIdentity(tenant, "acme", "u-1", "adm", Set.of("ADMIN"), AuthKind.USER);
    }

    private static String body(Object value) {
        return JSON.writeValueAsString(value);
    }

    private HttpResponse<String> send(String method, CallerIdentity caller, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        identityHeaders.sign(caller, method, path, Instant.now()).forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }
}
