package io.docmatrix.analysis.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.docmatrix.contracts.DomainEvent;
import io.docmatrix.contracts.EventCatalog;
import io.docmatrix.contracts.EventHeaders;
import io.docmatrix.contracts.Topics;
import io.docmatrix.contracts.chunk.ChunkEmbedded;
import io.docmatrix.contracts.chunk.Embedding;
import io.docmatrix.contracts.document.DocumentDeleted;
import io.docmatrix.contracts.document.DocumentIndexed;
import io.docmatrix.contracts.document.DocumentReceived;
import io.docmatrix.contracts.upload.DocumentMetadata;
import io.docmatrix.embedding.InProcessModel;
import io.docmatrix.embedding.OnnxEmbeddingModel;
import io.docmatrix.runtime.identity.AuthKind;
import io.docmatrix.runtime.identity.CallerIdentity;
import io.docmatrix.runtime.identity.IdentityHeaders;
import io.docmatrix.runtime.messaging.EventJson;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole pipeline against the real database, the embedded broker and the real ONNX embedding model: chunk and
 * lifecycle events in, analyses stored and announced through the outbox, and the analysis, playbook and comparison
 * API over HTTP as callers the gateway vouched for.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@EmbeddedKafka(partitions = 1, bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class AnalysisPipelineIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Map<String, float[]> VECTORS = new ConcurrentHashMap<>();
    private static OnnxEmbeddingModel model;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    IdentityHeaders identityHeaders;

    @Autowired
    EmbeddedKafkaBroker broker;

    private KafkaTemplate<String, byte[]> kafka;
    private final UUID tenant = UUID.randomUUID();
    private final Map<UUID, List<UUID>> sentEventIds = new java.util.concurrent.ConcurrentHashMap<>();
    private final UUID otherTenant = UUID.randomUUID();

    @BeforeEach
    void rawProducer() {
        kafka = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(
                KafkaTestUtils.producerProps(broker), new StringSerializer(), new ByteArraySerializer()));
    }

    @Test
    void analysesAContractOnceComplete_explainsFindingsWithVerbatimEvidence_andAnnouncesIt() throws Exception {
        UUID id = UUID.randomUUID();

        ingest(id, 1, Fixtures.SERVICES_AGREEMENT_V1, false);
        JsonNode analysis = awaitAnalysis(tenant, id, "COMPLETED");

        assertThat(analysis.get("kind").asString()).isEqualTo("CONTRACT");
        assertThat(analysis.get("playbook").get("id").asString()).isEqualTo("default-contract");
        assertThat(analysis.get("playbook").get("version").asInt()).isEqualTo(1);
        assertThat(codes(analysis))
                .contains(
                        "NOTICE_PERIOD_TOO_SHORT",
                        "GOVERNING_LAW_NOT_ALLOWED",
                        "PROHIBITED_CLAUSE",
                        "AUTO_RENEWAL",
                        "RENEWAL_TERM_TOO_LONG")
                .doesNotContain("UNCAPPED_LIABILITY");
        JsonNode law = finding(analysis, "GOVERNING_LAW_NOT_ALLOWED");
        JsonNode evidence = law.get("evidence").get(0);
        String chunk = Fixtures.SERVICES_AGREEMENT_V1.get(5);
        int chunkStart = offsets(Fixtures.SERVICES_AGREEMENT_V1).get(5);
        assertThat(evidence.get("quote").asString())
                .isEqualTo(chunk.substring(
                        evidence.get("start").asInt() - chunkStart,
                        evidence.get("end").asInt() - chunkStart))
                .contains("Texas");
        assertThat(analysis.get("riskScore").asDouble()).isBetween(1.0, 100.0);
        assertThat(statusOf(analysis, "Anti-Assignment")).isEqualTo("MATCH");
        assertThat(statusOf(analysis, "Exclusivity")).isEqualTo("DEVIATION");
        assertThat(statusOf(analysis, "Governing Law")).isEqualTo("DEVIATION");
        assertThat(analysis.get("recommendations")
                        .valueStream()
                        .filter(r -> r.get("code").asString().equals("GOVERNING_LAW_NOT_ALLOWED"))
                        .findFirst()
                        .orElseThrow()
                        .get("suggestedLanguage")
                        .asString())
                .contains("New York");
        assertThat(analysis.has("summary")).isFalse();
        assertThat(outboxTypes(id)).containsExactly("io.docmatrix.analysis.AnalysisCompleted.v1");
        // The analysis ran on a worker thread, queued by a consumed event: its event continues that event's trace.
        assertThat(jdbc.sql("SELECT traceparent FROM outbox WHERE aggregateid = :id")
                        .param("id", id.toString())
                        .query(String.class)
                        .single())
                .matches("00-" + traceId + "-[0-9a-f]{16}-0[01]");
    }

    @Test
    void completesWhenTheCountArrivesBeforeChunksThatArriveOutOfOrder() throws Exception {
        UUID id = UUID.randomUUID();

        ingest(id, 1, Fixtures.SERVICES_AGREEMENT_V1, true);

        awaitAnalysis(tenant, id, "COMPLETED");
        assertThat(analysisRows(id)).isEqualTo(1);
    }

    @Test
    void redeliveredEventsProduceOneAnalysisAndOneEvent() throws Exception {
        UUID id = UUID.randomUUID();
        List<DomainEvent> events = events(id, 1, Fixtures.SERVICES_AGREEMENT_V1);

        events.forEach(this::send);
        events.forEach(this::send);
        awaitAnalysis(tenant, id, "COMPLETED");

        // Give duplicates every chance to be (wrongly) applied before counting.
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).until(() -> analysisRows(id) == 1);
        assertThat(stagedChunks(id)).isEqualTo(Fixtures.SERVICES_AGREEMENT_V1.size());
        assertThat(outboxTypes(id)).containsExactly("io.docmatrix.analysis.AnalysisCompleted.v1");
    }

    @Test
    void deadLettersAPoisonChunkAndFailsTheAnalysisAsUnreadable() throws Exception {
        UUID id = UUID.randomUUID();
        List<DomainEvent> events = events(id, 1, Fixtures.SERVICES_AGREEMENT_V1.subList(0, 2));
        send(events.get(0));
        send(events.get(1));
        send(events.get(3));
        ProducerRecord<String, byte[]> poison = new ProducerRecord<>(
                Topics.DOCUMENTS_CHUNKS, id.toString(), "{broken".getBytes(StandardCharsets.UTF_8));
        poison.headers()
                .add(EventHeaders.TYPE, EventCatalog.of(events.get(2)).type().getBytes(StandardCharsets.UTF_8));

        kafka.send(poison);

        String dlt = Topics.deadLetterTopic(Topics.DOCUMENTS_CHUNKS, "analysis-service");
        try (Consumer<String, byte[]> consumer = new DefaultKafkaConsumerFactory<>(
                        KafkaTestUtils.consumerProps(broker, "dlt-check-" + id, false),
                        new StringDeserializer(),
                        new ByteArrayDeserializer())
                .createConsumer()) {
            consumer.subscribe(List.of(dlt));
            List<String> keys = Collections.synchronizedList(new ArrayList<>());
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                KafkaTestUtils.getRecords(consumer, Duration.ofSeconds(2))
                        .records(dlt)
                        .forEach(r -> keys.add(r.key()));
                assertThat(keys).contains(id.toString());
            });
        }
        JsonNode failed = awaitAnalysis(tenant, id, "FAILED");
        assertThat(failed.get("error").get("code").asString()).isEqualTo("CHUNK_UNREADABLE");
        assertThat(failed.get("error").get("detail").asString()).contains("1 of 2");
        assertThat(outboxTypes(id)).containsExactly("io.docmatrix.analysis.AnalysisFailed.v1");
    }

    @Test
    void failsAVersionWhoseChunksDoNotAllArriveInTime() throws Exception {
        UUID id = UUID.randomUUID();
        List<DomainEvent> events = events(id, 1, Fixtures.SERVICES_AGREEMENT_V1.subList(0, 3));

        send(events.get(0));
        send(events.get(1));
        send(events.get(2));
        send(events.get(4));

        JsonNode failed = awaitAnalysis(tenant, id, "FAILED");
        assertThat(failed.get("error").get("code").asString()).isEqualTo("CHUNKS_INCOMPLETE");
        assertThat(failed.get("error").get("detail").asString()).contains("2 of 3");
        assertThat(outboxTypes(id)).containsExactly("io.docmatrix.analysis.AnalysisFailed.v1");
    }

    @Test
    void aChangedPlaybookChangesTheFindingsOfARerun() throws Exception {
        UUID id = UUID.randomUUID();
        ingest(id, 1, Fixtures.SERVICES_AGREEMENT_V1, false);
        JsonNode before = awaitAnalysis(tenant, id, "COMPLETED");
        JsonNode playbook = json(send("GET", caller(tenant, "VIEWER"), "/api/v1/playbooks/default-contract", null));
        ((tools.jackson.databind.node.ObjectNode) playbook.get("thresholds"))
                .set("allowedGoverningLaw", JSON.readTree("[\"Texas\"]"));

        HttpResponse<String> put =
                send("PUT", caller(tenant, "ADMIN"), "/api/v1/playbooks/default-contract", playbook.toString());
        HttpResponse<String> rerun =
                send("POST", caller(tenant, "ANALYST"), "/api/v1/documents/" + id + "/analysis/rerun", null);
        String rerunId = json(rerun).get("analysisId").asString();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                        json(send("GET", caller(tenant, "VIEWER"), "/api/v1/documents/" + id + "/analysis", null))
                                .get("analysisId")
                                .asString())
                .isEqualTo(rerunId));
        JsonNode after = awaitAnalysis(tenant, id, "COMPLETED");

        assertThat(put.statusCode()).isEqualTo(200);
        assertThat(json(put).get("version").asInt()).isEqualTo(2);
        assertThat(rerun.statusCode()).isEqualTo(202);
        assertThat(codes(before)).contains("GOVERNING_LAW_NOT_ALLOWED");
        assertThat(codes(after)).doesNotContain("GOVERNING_LAW_NOT_ALLOWED");
        assertThat(after.get("playbook").get("version").asInt()).isEqualTo(2);
        assertThat(after.get("riskScore").asDouble())
                .isLessThan(before.get("riskScore").asDouble());
        assertThat(analysisRows(id)).isEqualTo(2);
    }

    @Test
    void aTenantWithAutomaticAnalysisOffStagesAndAnalysesNothingUntilItIsOnAgain() throws Exception {
        assertThat(send("PUT", caller(tenant, "ANALYST"), "/api/v1/analysis-settings", "{\"automaticAnalysis\":false}")
                        .statusCode())
                .isEqualTo(403);
        assertThat(json(send("PUT", caller(tenant, "ADMIN"), "/api/v1/analysis-settings", "{}"))
                        .get("code")
                        .asString())
                .isEqualTo("INVALID_SETTINGS");
        HttpResponse<String> off =
                send("PUT", caller(tenant, "ADMIN"), "/api/v1/analysis-settings", "{\"automaticAnalysis\":false}");
        assertThat(off.statusCode()).isEqualTo(200);
        assertThat(json(send("GET", caller(tenant, "VIEWER"), "/api/v1/analysis-settings", null))
                        .get("automaticAnalysis")
                        .asBoolean())
                .isFalse();
        UUID id = UUID.randomUUID();

        ingest(id, 1, Fixtures.SERVICES_AGREEMENT_V1, false);

        // Every event marked processed, none staged: the version is known as not analysed, and nothing else happens.
        await().atMost(Duration.ofSeconds(30))
                .until(() -> processedEvents(id) == Fixtures.SERVICES_AGREEMENT_V1.size() + 2);
        assertThat(stagedChunks(id)).isZero();
        assertThat(analysisRows(id)).isZero();
        HttpResponse<String> get = send("GET", caller(tenant, "VIEWER"), "/api/v1/documents/" + id + "/analysis", null);
        assertThat(get.statusCode()).isEqualTo(404);
        assertThat(json(get).get("code").asString()).isEqualTo("NOT_ANALYSED");
        HttpResponse<String> rerun =
                send("POST", caller(tenant, "ANALYST"), "/api/v1/documents/" + id + "/analysis/rerun", null);
        assertThat(rerun.statusCode()).isEqualTo(409);
        assertThat(json(rerun).get("code").asString()).isEqualTo("NOT_ANALYSED");

        send("PUT", caller(tenant, "ADMIN"), "/api/v1/analysis-settings", "{\"automaticAnalysis\":true}");
        ingest(id, 2, Fixtures.SERVICES_AGREEMENT_V1, false);

        awaitAnalysis(tenant, id, "COMPLETED", 2);
        assertThat(stagedChunks(id)).isEqualTo(Fixtures.SERVICES_AGREEMENT_V1.size());
    }

    @Test
    void rejectsAnInvalidPlaybookAndAChangeByANonAdministrator() throws Exception {
        String invalid = "{\"name\":\"x\",\"rules\":[{\"category\":\"Favourite Colour\",\"position\":\"REQUIRED\","
                + "\"severity\":\"LOW\"}],\"thresholds\":{\"minNoticePeriodDays\":90,\"maxNoticePeriodDays\":30}}";

        HttpResponse<String> rejected = send("PUT", caller(tenant, "ADMIN"), "/api/v1/playbooks/mine", invalid);
        HttpResponse<String> forbidden = send("PUT", caller(tenant, "ANALYST"), "/api/v1/playbooks/mine", invalid);
        HttpResponse<String> badEnum = send(
                "PUT",
                caller(tenant, "ADMIN"),
                "/api/v1/playbooks/mine",
                "{\"name\":\"x\",\"rules\":[{\"category\":\"Insurance\",\"position\":\"SOMETIMES\",\"severity\":\"LOW\"}]}");

        assertThat(rejected.statusCode()).isEqualTo(400);
        assertThat(rejected.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(json(rejected).get("code").asString()).isEqualTo("PLAYBOOK_INVALID");
        assertThat(json(rejected).get("errors").toString())
                .contains("Favourite Colour")
                .contains("minNoticePeriodDays");
        assertThat(forbidden.statusCode()).isEqualTo(403);
        assertThat(badEnum.statusCode()).isEqualTo(400);
        assertThat(badEnum.body()).doesNotContain("Exception");
    }

    @Test
    void comparesTwoVersionsClauseByClauseWithWordDifferencesAndTheChangeInRisk() throws Exception {
        UUID id = UUID.randomUUID();
        ingest(id, 1, Fixtures.SERVICES_AGREEMENT_V1, false);
        awaitAnalysis(tenant, id, "COMPLETED");
        ingest(id, 2, Fixtures.SERVICES_AGREEMENT_V2, false);
        // Without ?version= the newest version answers, once its chunks are staged.
        awaitAnalysis(tenant, id, "COMPLETED", 2);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(json(send(
                                "GET",
                                caller(tenant, "VIEWER"),
                                "/api/v1/documents/" + id + "/analysis?version=2",
                                null))
                        .get("status")
                        .asString())
                .isEqualTo("COMPLETED"));

        HttpResponse<String> response = send(
                "POST",
                caller(tenant, "VIEWER"),
                "/api/v1/comparisons",
                "{\"leftDocumentId\":\"" + id + "\",\"leftVersion\":1,\"rightDocumentId\":\"" + id
                        + "\",\"rightVersion\":2}");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode comparison = json(response).get("comparison");
        JsonNode cap = change(comparison, "Cap on Liability", "total liability");
        assertThat(cap.get("status").asString()).isEqualTo("CHANGED");
        assertThat(cap.get("diff").toString()).contains("\"op\":\"INSERT\",\"text\":\"two times\"");
        assertThat(change(comparison, "Exclusivity").get("status").asString()).isEqualTo("REMOVED");
        assertThat(change(comparison, "Governing Law").get("status").asString()).isEqualTo("CHANGED");
        assertThat(change(comparison, "Governing Law").get("riskChange").asInt())
                .isNegative();
        assertThat(change(comparison, "Anti-Assignment", "assign").get("status").asString())
                .isEqualTo("UNCHANGED");
        assertThat(comparison.get("riskScoreChange").asDouble()).isNegative();
        assertThat(comparison.get("findingsResolved").toString()).contains("GOVERNING_LAW_NOT_ALLOWED");
    }

    @Test
    void keepsEveryTenantToItsOwnAnalysesAndPlaybooks() throws Exception {
        UUID id = UUID.randomUUID();
        ingest(id, 1, Fixtures.SERVICES_AGREEMENT_V1, false);
        awaitAnalysis(tenant, id, "COMPLETED");
        JsonNode playbook = json(send("GET", caller(tenant, "VIEWER"), "/api/v1/playbooks/default-contract", null));
        send("PUT", caller(tenant, "ADMIN"), "/api/v1/playbooks/default-contract", playbook.toString());

        HttpResponse<String> analysis =
                send("GET", caller(otherTenant, "ADMIN"), "/api/v1/documents/" + id + "/analysis", null);
        HttpResponse<String> rerun =
                send("POST", caller(otherTenant, "ADMIN"), "/api/v1/documents/" + id + "/analysis/rerun", null);
        HttpResponse<String> version2 =
                send("GET", caller(otherTenant, "ADMIN"), "/api/v1/playbooks/default-contract?version=2", null);
        HttpResponse<String> comparison = send(
                "POST",
                caller(otherTenant, "ADMIN"),
                "/api/v1/comparisons",
                "{\"leftDocumentId\":\"" + id + "\",\"rightDocumentId\":\"" + id + "\"}");

        assertThat(analysis.statusCode()).isEqualTo(404);
        assertThat(json(analysis).get("code").asString()).isEqualTo("NOT_FOUND");
        assertThat(rerun.statusCode()).isEqualTo(404);
        assertThat(version2.statusCode()).isEqualTo(404);
        assertThat(comparison.statusCode()).isEqualTo(404);
        assertThat(send("GET", caller(tenant, "VIEWER"), "/api/v1/playbooks/default-contract?version=2", null)
                        .statusCode())
                .isEqualTo(200);
        assertThat(json(send("GET", caller(tenant, "VIEWER"), "/api/v1/playbooks", null))
                        .get(0)
                        .get("version")
                        .asInt())
                .isEqualTo(2);
        assertThat(json(send("GET", caller(otherTenant, "VIEWER"), "/api/v1/playbooks", null))
                        .get(0)
                        .get("version")
                        .asInt())
                .isEqualTo(1);
    }

    @Test
    void purgesADeletedDocumentAndIgnoresItsLateEvents() throws Exception {
        UUID id = UUID.randomUUID();
        List<DomainEvent> events = events(id, 1, Fixtures.SERVICES_AGREEMENT_V1);
        events.forEach(this::send);
        awaitAnalysis(tenant, id, "COMPLETED");

        send(new DocumentDeleted(UUID.randomUUID(), Instant.now(), id, tenant, 1, "user-1"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                        send("GET", caller(tenant, "VIEWER"), "/api/v1/documents/" + id + "/analysis", null)
                                .statusCode())
                .isEqualTo(404));
        send(new ChunkEmbedded(
                UUID.randomUUID(),
                Instant.now(),
                id,
                tenant,
                1,
                UUID.randomUUID(),
                0,
                "late",
                1,
                1,
                0,
                4,
                List.of(),
                1,
                Embedding.of("test", new float[] {1f})));

        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).until(() -> stagedChunks(id) == 0);
        assertThat(analysisRows(id)).isZero();
    }

    @Test
    void summarisesADocumentThatIsNotAContractWithoutContractFindings() throws Exception {
        UUID id = UUID.randomUUID();

        ingest(id, 1, Fixtures.FIELD_REPORT, false);
        JsonNode analysis = awaitAnalysis(tenant, id, "COMPLETED");

        assertThat(analysis.get("kind").asString()).isEqualTo("OTHER");
        assertThat(analysis.get("findings")).isEmpty();
        assertThat(analysis.get("comparison")).isEmpty();
        assertThat(analysis.get("riskScore").asDouble()).isZero();
        assertThat(analysis.get("summary").asString()).isNotBlank();
        assertThat(analysis.get("keyTerms").toString()).contains("tidal").contains("turbine");
        assertThat(analysis.get("entities").toString()).contains("Port Elspeth");
    }

    @Test
    void answersAnUnknownDocumentWith404ProblemJson() throws Exception {
        HttpResponse<String> response =
                send("GET", caller(tenant, "VIEWER"), "/api/v1/documents/" + UUID.randomUUID() + "/analysis", null);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
    }

    @Test
    void answersAComparisonOfAnOwnUnanalysedDocumentWithAnUnknownOneWith404NotWithNotReady() throws Exception {
        // The isolation suite's finding: the caller's own document, not analysed yet, beside another tenant's id
        // answered 409 ANALYSIS_NOT_READY; a foreign or unknown id must be 404 whatever the other side's state.
        UUID own = UUID.randomUUID();
        send(events(own, 1, Fixtures.SERVICES_AGREEMENT_V1).get(0)); // received, no chunks yet: staged, not analysed
        String selfPair = "{\"leftDocumentId\":\"" + own + "\",\"rightDocumentId\":\"" + own + "\"}";
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(send("POST", caller(tenant, "VIEWER"), "/api/v1/comparisons", selfPair)
                                .statusCode())
                        .isEqualTo(409));
        UUID unknown = UUID.randomUUID();

        for (String pair : List.of(
                "{\"leftDocumentId\":\"" + own + "\",\"rightDocumentId\":\"" + unknown + "\"}",
                "{\"leftDocumentId\":\"" + unknown + "\",\"rightDocumentId\":\"" + own + "\"}")) {
            HttpResponse<String> response = send("POST", caller(tenant, "VIEWER"), "/api/v1/comparisons", pair);

            assertThat(response.statusCode()).as(pair).isEqualTo(404);
            assertThat(json(response).get("code").asString()).isEqualTo("NOT_FOUND");
        }
    }

    // --- fixtures and helpers ---

    private void ingest(UUID id, int version, List<String> chunks, boolean countFirstChunksReversed) {
        List<DomainEvent> events = events(id, version, chunks);
        if (!countFirstChunksReversed) {
            events.forEach(this::send);
            return;
        }
        send(events.get(0));
        send(events.get(events.size() - 1));
        List<DomainEvent> chunkEvents = new ArrayList<>(events.subList(1, events.size() - 1));
        Collections.reverse(chunkEvents);
        chunkEvents.forEach(this::send);
    }

    /** DocumentReceived, one ChunkEmbedded per text (vectors from the real model), then DocumentIndexed. */
    private List<DomainEvent> events(UUID id, int version, List<String> chunks) {
        List<DomainEvent> events = new ArrayList<>();
        Instant now = Instant.now();
        events.add(new DocumentReceived(
                UUID.randomUUID(),
                now,
                id,
                tenant,
                version,
                "agreement.txt",
                "text/plain",
                1000,
                "user-1",
                DocumentMetadata.none()));
        List<Integer> starts = offsets(chunks);
        for (int i = 0; i < chunks.size(); i++) {
            String text = chunks.get(i);
            events.add(new ChunkEmbedded(
                    UUID.randomUUID(),
                    now,
                    id,
                    tenant,
                    version,
                    UUID.nameUUIDFromBytes((id + "/" + version + "/" + i).getBytes(StandardCharsets.UTF_8)),
                    i,
                    text,
                    1 + i / 3,
                    1 + i / 3,
                    starts.get(i),
                    starts.get(i) + text.length(),
                    List.of(),
                    text.length() / 4,
                    Embedding.of(InProcessModel.BGE_SMALL_EN_V15_Q.id(), vector(text))));
        }
        events.add(new DocumentIndexed(
                UUID.randomUUID(),
                now,
                id,
                tenant,
                version,
                chunks.size(),
                3,
                InProcessModel.BGE_SMALL_EN_V15_Q.id(),
                384));
        return events;
    }

    private static List<Integer> offsets(List<String> chunks) {
        List<Integer> starts = new ArrayList<>();
        int offset = 0;
        for (String chunk : chunks) {
            starts.add(offset);
            offset += chunk.length() + 2;
        }
        return starts;
    }

    private static synchronized float[] vector(String text) {
        if (model == null) {
            model = new OnnxEmbeddingModel(InProcessModel.BGE_SMALL_EN_V15_Q, 1);
        }
        return VECTORS.computeIfAbsent(text, t -> model.embed(List.of(t)).get(0));
    }

    // One trace per test: every event a test sends carries it, as if one upload had caused them all.
    private final String traceId = UUID.randomUUID().toString().replace("-", "");

    private static String spanId() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }

    private void send(DomainEvent event) {
        EventCatalog.Entry entry = EventCatalog.of(event);
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(
                entry.topic(), event.aggregateId(), EventJson.mapper().writeValueAsBytes(event));
        Map.of(
                        EventHeaders.ID, event.eventId().toString(),
                        EventHeaders.TYPE, entry.type(),
                        EventHeaders.SOURCE, entry.source(),
                        EventHeaders.SPEC_VERSION, EventHeaders.SPEC_VERSION_1_0,
                        EventHeaders.TRACEPARENT, "00-" + traceId + "-" + spanId() + "-01")
                .forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        kafka.send(record).join();
        sentEventIds
                .computeIfAbsent(
                        UUID.fromString(event.aggregateId()), k -> new java.util.concurrent.CopyOnWriteArrayList<>())
                .add(event.eventId());
    }

    private JsonNode awaitAnalysis(UUID tenantId, UUID id, String status) {
        return awaitAnalysis(tenantId, id, status, null);
    }

    private JsonNode awaitAnalysis(UUID tenantId, UUID id, String status, Integer version) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> {
                    HttpResponse<String> response =
                            send("GET", caller(tenantId, "VIEWER"), "/api/v1/documents/" + id + "/analysis", null);
                    assertThat(response.statusCode()).isIn(200, 202);
                    last[0] = json(response);
                    assertThat(last[0].get("status").asString()).isEqualTo(status);
                    if (version != null) {
                        assertThat(last[0].get("version").asInt()).isEqualTo(version);
                    }
                });
        return last[0];
    }

    private static List<String> codes(JsonNode analysis) {
        return analysis.get("findings")
                .valueStream()
                .map(f -> f.get("code").asString())
                .toList();
    }

    private static JsonNode finding(JsonNode analysis, String code) {
        return analysis.get("findings")
                .valueStream()
                .filter(f -> f.get("code").asString().equals(code))
                .findFirst()
                .orElseThrow();
    }

    private static String statusOf(JsonNode analysis, String category) {
        return analysis.get("comparison")
                .valueStream()
                .filter(c -> c.get("category").asString().equals(category))
                .findFirst()
                .orElseThrow()
                .get("status")
                .asString();
    }

    private static JsonNode change(JsonNode comparison, String category) {
        return change(comparison, category, "");
    }

    /**
     * The change of a category whose left or right quote contains {@code quoted}: a labeller may put a category on
     * more than one span, and the comparison is judged on the span the test edited.
     */
    private static JsonNode change(JsonNode comparison, String category, String quoted) {
        return comparison
                .get("clauses")
                .valueStream()
                .filter(c -> c.get("category").asString().equals(category))
                .filter(c -> quoteOf(c, "left").contains(quoted)
                        || quoteOf(c, "right").contains(quoted))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no change for " + category + " in " + comparison));
    }

    private static String quoteOf(JsonNode change, String side) {
        JsonNode span = change.get(side);
        return span == null || span.isNull() ? "" : span.get("quote").asString();
    }

    private List<String> outboxTypes(UUID id) {
        return jdbc.sql("SELECT type FROM outbox WHERE aggregateid = :id ORDER BY created_at")
                .param("id", id.toString())
                .query(String.class)
                .list();
    }

    private int analysisRows(UUID id) {
        return jdbc.sql("SELECT count(*) FROM analysis WHERE document_id = :id")
                .param("id", id)
                .query(Integer.class)
                .single();
    }

    private int processedEvents(UUID documentId) {
        return jdbc.sql("SELECT count(*) FROM processed_event WHERE event_id IN (:ids)")
                .param("ids", sentEventIds.getOrDefault(documentId, List.of()))
                .query(Integer.class)
                .single();
    }

    private int stagedChunks(UUID id) {
        return jdbc.sql("SELECT count(*) FROM staged_chunk WHERE document_id = :id")
                .param("id", id)
                .query(Integer.class)
                .single();
    }

    private CallerIdentity caller(UUID tenantId, String role) {
        return new CallerIdentity(tenantId, "t-" + tenantId, "user-1", "someone", Set.of(role), AuthKind.USER);
    }

    private HttpResponse<String> send(String method, CallerIdentity caller, String pathAndQuery, String body)
            throws Exception {
        String path = pathAndQuery.contains("?") ? pathAndQuery.substring(0, pathAndQuery.indexOf('?')) : pathAndQuery;
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery))
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
