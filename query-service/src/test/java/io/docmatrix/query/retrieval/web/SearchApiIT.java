package io.docmatrix.query.retrieval.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.docmatrix.contracts.DomainEvent;
import io.docmatrix.contracts.EventCatalog;
import io.docmatrix.contracts.EventHeaders;
import io.docmatrix.embedding.EmbeddingModel;
import io.docmatrix.query.TestDocuments;
import io.docmatrix.query.projection.DocumentProjection;
import io.docmatrix.runtime.identity.AuthKind;
import io.docmatrix.runtime.identity.CallerIdentity;
import io.docmatrix.runtime.identity.IdentityProperties;
import io.docmatrix.runtime.messaging.EventJson;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code POST /api/v1/search} as a client of the gateway calls it, over a store fed by the projections. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@EmbeddedKafka(partitions = 1, bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class SearchApiIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String TERMINATION_QUESTION = "How can the contract be terminated?";
    // Answers the question without sharing a word stem with it: only the vector ranking finds it.
    private static final String ENDING_BY_NOTICE =
            "Either party may end this agreement by giving the other ninety days written notice.";
    // Shares "contract" and "terminated" with the question but is about something else: text ranks it first, the
    // vectors second (bge-small-en-v1.5-q: cosine 0.562 against 0.593 for the notice clause).
    private static final String MUSCLE_CRAMP =
            "The muscles contract and the cramp is terminated by stretching the calf.";
    private static final String INVOICES = "Invoices are payable in euros within thirty days of receipt.";
    private static final String LIABILITY = "The supplier's liability is capped at the fees paid in twelve months.";

    @LocalServerPort
    int port;

    @Autowired
    IdentityProperties identity;

    @Autowired
    DocumentProjection projection;

    @Autowired
    EmbeddingModel model;

    @Autowired
    EmbeddedKafkaBroker broker;

    private TestDocuments documents;
    private final UUID tenant = UUID.randomUUID();

    @BeforeEach
    void setUp() {
        documents = new TestDocuments(model);
    }

    @Test
    void returnsTheBestMatchingChunksWithWhatACitationNeeds() throws Exception {
        TestDocuments.Version doc = documents.document(tenant, INVOICES, ENDING_BY_NOTICE);
        ingest(doc);

        HttpResponse<String> response =
                search(Map.of("question", "When must invoices be paid?", "topK", 1, "mode", "vector"));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode result = JSON.readTree(response.body()).get("results").get(0);
        assertThat(result.get("documentId").asString()).isEqualTo(doc.documentId.toString());
        assertThat(result.get("chunkId").asString()).isEqualTo(doc.chunkId(0).toString());
        assertThat(result.get("text").asString()).isEqualTo(INVOICES);
        assertThat(result.get("page").asInt()).isEqualTo(1);
        assertThat(result.get("pageEnd").asInt()).isEqualTo(1);
        assertThat(result.get("start").asInt()).isZero();
        assertThat(result.get("end").asInt()).isEqualTo(INVOICES.length());
        assertThat(result.get("title").asString()).isEqualTo(doc.metadata.title());
        assertThat(result.get("headingPath").get(0).asString()).isEqualTo("Section 1");
        assertThat(result.get("score").asDouble()).isBetween(0.5, 1.0);
        assertThat(JSON.readTree(response.body()).get("results")).hasSize(1);
    }

    @Test
    void fusesTheVectorAndTextRankingsWhenTheyDisagree() throws Exception {
        ingest(documents.document(tenant, ENDING_BY_NOTICE, MUSCLE_CRAMP, INVOICES, LIABILITY));

        List<String> byVector = texts(Map.of("question", TERMINATION_QUESTION, "mode", "vector"));
        List<String> byText = texts(Map.of("question", TERMINATION_QUESTION, "mode", "text"));
        List<String> hybrid = texts(Map.of("question", TERMINATION_QUESTION));

        assertThat(byVector.get(0)).isEqualTo(ENDING_BY_NOTICE);
        assertThat(byText).containsExactly(MUSCLE_CRAMP);
        // Found by both rankings, the cramp sentence beats the one only the vectors found; both lead the rest.
        assertThat(hybrid.subList(0, 2)).containsExactly(MUSCLE_CRAMP, ENDING_BY_NOTICE);
        assertThat(hybrid).hasSize(4);
    }

    @Test
    void restrictsResultsToTheRequestedDocumentsAndMetadata() throws Exception {
        TestDocuments.Version signedNda = documents
                .document(tenant, ENDING_BY_NOTICE)
                .with("contracts", List.of("nda", "signed"), "application/pdf", Instant.parse("2026-01-10T00:00:00Z"));
        TestDocuments.Version policy = documents
                .document(tenant, ENDING_BY_NOTICE)
                .with(
                        "policies",
                        List.of("hr"),
                        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                        Instant.parse("2026-02-10T00:00:00Z"));
        TestDocuments.Version draftNda = documents
                .document(tenant, ENDING_BY_NOTICE)
                .with("contracts", List.of("nda"), "text/plain", Instant.parse("2026-03-10T00:00:00Z"));
        ingest(signedNda);
        ingest(policy);
        ingest(draftNda);

        assertThat(documentIds(Map.of("collection", "contracts")))
                .containsExactlyInAnyOrder(signedNda.documentId, draftNda.documentId);
        assertThat(documentIds(Map.of("tags", List.of("nda", "signed")))).containsExactly(signedNda.documentId);
        assertThat(documentIds(Map.of("contentTypes", List.of(policy.contentType))))
                .containsExactly(policy.documentId);
        assertThat(documentIds(Map.of("uploadedAfter", "2026-02-01T00:00:00Z")))
                .containsExactlyInAnyOrder(policy.documentId, draftNda.documentId);
        assertThat(documentIds(Map.of("uploadedBefore", "2026-02-01T00:00:00Z")))
                .containsExactly(signedNda.documentId);
        assertThat(documentIds(Map.of("collection", "contracts", "uploadedAfter", "2026-02-01T00:00:00Z")))
                .containsExactly(draftNda.documentId);
        HttpResponse<String> named =
                search(Map.of("question", TERMINATION_QUESTION, "documentIds", List.of(policy.documentId.toString())));
        assertThat(JSON.readTree(named.body()).get("results").findValuesAsString("documentId"))
                .containsOnly(policy.documentId.toString());
    }

    @Test
    void rejectsInvalidRequestsWithProblemJsonAndAStableCode() throws Exception {
        assertProblem(search(Map.of("question", "  ")), 400, "QUESTION_REQUIRED");
        assertProblem(search(Map.of("question", "q", "topK", 51)), 400, "INVALID_TOP_K");
        assertProblem(search(Map.of("question", "q", "mode", "fuzzy")), 400, "INVALID_MODE");
        assertProblem(search(Map.of("question", "q", "documentIds", List.of("42"))), 400, "INVALID_DOCUMENT_ID");
        assertProblem(
                search(Map.of("question", "q", "filters", Map.of("uploadedAfter", "last week"))), 400, "INVALID_DATE");
        // Under the character limit but beyond the model's 512-token window.
        assertProblem(search(Map.of("question", "zqxv ".repeat(390))), 400, "QUESTION_TOO_LONG");
        assertProblem(post("{\"question\": ", true), 400, "BAD_REQUEST");
        assertProblem(post("{\"question\": \"q\", \"topK\": \"many\"}", true), 400, "BAD_REQUEST");
        assertProblem(post("{\"question\": \"q\"}", false), 401, "UNAUTHENTICATED");
    }

    @Test
    void makesDocumentsSearchableFromKafkaWhicheverTopicArrivesFirst() throws Exception {
        TestDocuments.Version lifecycleFirst = documents.document(tenant, INVOICES);
        TestDocuments.Version chunksFirst = documents.document(tenant, LIABILITY);
        try (KafkaProducerHolder kafka = new KafkaProducerHolder(broker)) {
            kafka.send(lifecycleFirst.received());
            kafka.send(lifecycleFirst.indexed());
            lifecycleFirst.chunks().forEach(kafka::send);
            chunksFirst.chunks().forEach(kafka::send);
            kafka.send(chunksFirst.received());
            kafka.send(chunksFirst.indexed());
        }

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(documentIds(Map.of()))
                .containsExactlyInAnyOrder(lifecycleFirst.documentId, chunksFirst.documentId));
    }

    private void ingest(TestDocuments.Version doc) {
        projection.apply(doc.received());
        doc.chunks().forEach(projection::apply);
        projection.apply(doc.indexed());
    }

    private List<String> texts(Map<String, Object> body) throws Exception {
        HttpResponse<String> response = search(body);
        assertThat(response.statusCode()).isEqualTo(200);
        return JSON.readTree(response.body()).get("results").findValuesAsString("text");
    }

    private List<UUID> documentIds(Map<String, Object> filters) throws Exception {
        HttpResponse<String> response =
                search(Map.of("question", TERMINATION_QUESTION, "filters", filters, "mode", "vector"));
        assertThat(response.statusCode()).isEqualTo(200);
        return JSON.readTree(response.body()).get("results").findValuesAsString("documentId").stream()
                .map(UUID::fromString)
                .distinct()
                .toList();
    }

    private HttpResponse<String> search(Map<String, Object> body) throws Exception {
        return post(JSON.writeValueAsString(body), true);
    }

    private HttpResponse<String> post(String body, boolean signed) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/search"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (signed) {
            CallerIdentity caller =
                    new CallerIdentity(tenant, "acme", "user-1", "alice", Set.of("VIEWER"), AuthKind.values()[0]);
            identity.headers()
                    .sign(caller, "POST", "/api/v1/search", Instant.now())
                    .forEach(request::header);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertProblem(HttpResponse<String> response, int status, String code) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(JSON.readTree(response.body()).get("code").asString()).isEqualTo(code);
        assertThat(response.body()).doesNotContain("Exception");
    }

    /** Publishes events as the outbox relay does: keyed by aggregate, typed by the ce_* headers. */
    private static final class KafkaProducerHolder implements AutoCloseable {

        private final DefaultKafkaProducerFactory<String, byte[]> factory;
        private final KafkaTemplate<String, byte[]> template;

        KafkaProducerHolder(EmbeddedKafkaBroker broker) {
            factory = new DefaultKafkaProducerFactory<>(
                    KafkaTestUtils.producerProps(broker), new StringSerializer(), new ByteArraySerializer());
            template = new KafkaTemplate<>(factory);
        }

        void send(DomainEvent event) {
            EventCatalog.Entry entry = EventCatalog.of(event);
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(
                    entry.topic(), event.aggregateId(), EventJson.mapper().writeValueAsBytes(event));
            Map.of(
                            EventHeaders.ID, event.eventId().toString(),
                            EventHeaders.TYPE, entry.type(),
                            EventHeaders.SOURCE, entry.source(),
                            EventHeaders.SPEC_VERSION, EventHeaders.SPEC_VERSION_1_0)
                    .forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
            template.send(record).join();
        }

        @Override
        public void close() {
            factory.destroy();
        }
    }
}
