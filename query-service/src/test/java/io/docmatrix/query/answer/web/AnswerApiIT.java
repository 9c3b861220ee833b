package io.docmatrix.query.answer.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

import io.docmatrix.contracts.DomainEvent;
import io.docmatrix.contracts.EventCatalog;
import io.docmatrix.contracts.EventHeaders;
import io.docmatrix.contracts.chunk.ChunkEmbedded;
import io.docmatrix.contracts.chunk.Embedding;
import io.docmatrix.contracts.document.DocumentDeleted;
import io.docmatrix.contracts.document.DocumentIndexed;
import io.docmatrix.contracts.document.DocumentReceived;
import io.docmatrix.contracts.upload.DocumentMetadata;
import io.docmatrix.embedding.EmbeddingModel;
import io.docmatrix.query.answer.Conversations;
import io.docmatrix.query.retrieval.Retriever;
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
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /api/v1/query} and its stream over HTTP, as callers the gateway vouched for, against a read store seeded
 * the way production seeds it: lifecycle and chunk events (with real embeddings of our own fixture text) sent to the
 * embedded Kafka broker. The tests that need answers need the read store's retriever; without one in the context
 * (the answers branch before its merge with the read-store branch) they are skipped, the validation and isolation
 * tests run regardless.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@EmbeddedKafka(partitions = 1, bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class AnswerApiIT {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    // Our own fixture: a short warranty policy, cut into chunks at real offsets.
    private static final String POLICY = "Warranty Policy of Nordlicht Appliances. "
            + "Every coffee machine sold by Nordlicht carries a warranty of 24 months from the date of purchase. "
            + "The warranty covers defects in materials and workmanship. "
            + "It does not cover damage caused by descaling neglect, falls or unauthorised repairs.\n\n"
            + "Claims must be filed through the Nordlicht service portal with the original receipt. "
            + "Approved claims are repaired within 10 working days or the machine is replaced. "
            + "The warranty expires early if the seal on the boiler has been broken.";

    @LocalServerPort
    int port;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @Autowired
    IdentityHeaders identityHeaders;

    @Autowired
    Conversations conversations;

    @Autowired
    ObjectProvider<Retriever> retriever;

    @Autowired
    ObjectProvider<EmbeddingModel> embeddingModel;

    private final UUID tenantA = UUID.randomUUID();
    private final UUID tenantB = UUID.randomUUID();
    private KafkaProducer<String, byte[]> producer;

    @AfterEach
    void closeProducer() {
        if (producer != null) {
            producer.close();
        }
    }

    @Test
    void rejectsABlankQuestionWithAStableCode() throws Exception {
        HttpResponse<String> response = post(viewer(tenantA), "/api/v1/query", Map.of("question", "  "));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(json(response).get("code").asString()).isEqualTo("QUESTION_REQUIRED");
    }

    @Test
    void rejectsATooLongQuestionAnOutOfRangeTopKAndAnUnknownMode() throws Exception {
        HttpResponse<String> tooLong = post(viewer(tenantA), "/api/v1/query", Map.of("question", "x".repeat(2001)));
        HttpResponse<String> topK = post(viewer(tenantA), "/api/v1/query", Map.of("question", "q", "topK", 0));
        HttpResponse<String> mode = post(viewer(tenantA), "/api/v1/query", Map.of("question", "q", "mode", "MAGIC"));
        HttpResponse<String> ids =
                post(viewer(tenantA), "/api/v1/query", Map.of("question", "q", "documentIds", List.of("nope")));

        assertThat(json(tooLong).get("code").asString()).isEqualTo("QUESTION_TOO_LONG");
        assertThat(json(topK).get("code").asString()).isEqualTo("TOPK_OUT_OF_RANGE");
        assertThat(json(mode).get("code").asString()).isEqualTo("INVALID_MODE");
        assertThat(json(ids).get("code").asString()).isEqualTo("INVALID_DOCUMENT_ID");
        assertThat(List.of(tooLong.statusCode(), topK.statusCode(), mode.statusCode(), ids.statusCode()))
                .containsOnly(400);
    }

    @Test
    void rejectsMalformedJsonAsABadRequest() throws Exception {
        HttpResponse<String> response = send(viewer(tenantA), "/api/v1/query", "{\"question\":");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"code\"").doesNotContain("Exception");
    }

    @Test
    void refusesACallerWithoutVerifiedIdentity() throws Exception {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/query"))
                        .header("Content-Type", "application/json")
                        .header(IdentityHeaders.TENANT_ID, tenantA.toString())
                        .POST(HttpRequest.BodyPublishers.ofString("{\"question\":\"q\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void answersAConversationOfAnotherTenantOrUserWith404() throws Exception {
        UUID conversation = conversations.start(tenantA, "user-1");
        Map<String, Object> body = Map.of("question", "and when?", "conversationId", conversation.toString());

        HttpResponse<String> otherTenant = post(viewer(tenantB), "/api/v1/query", body);
        HttpResponse<String> otherUser = post(caller(tenantA, "user-2"), "/api/v1/query", body);
        HttpResponse<String> otherTenantStream = post(viewer(tenantB), "/api/v1/query/stream", body);

        assertThat(otherTenant.statusCode()).isEqualTo(404);
        assertThat(otherUser.statusCode()).isEqualTo(404);
        assertThat(otherTenantStream.statusCode()).isEqualTo(404);
        assertThat(json(otherTenant).get("code").asString()).isEqualTo("NOT_FOUND");
    }

    @Test
    void answersWithCitationsQuotedVerbatimFromTheDocument() throws Exception {
        UUID document = seed(tenantA, POLICY);

        JsonNode answer = awaitAnswer(tenantA, Map.of("question", "How long is the warranty of a coffee machine?"));

        assertThat(answer.get("answer").asString()).contains("24 months");
        assertThat(answer.get("answerMode").asString()).isEqualTo("EXTRACTIVE");
        assertThat(answer.get("citations").size()).isBetween(1, 3);
        for (JsonNode citation : answer.get("citations")) {
            assertThat(citation.get("documentId").asString()).isEqualTo(document.toString());
            assertThat(POLICY.substring(
                            citation.get("start").asInt(), citation.get("end").asInt()))
                    .isEqualTo(citation.get("quote").asString());
        }
    }

    @Test
    void showsAnotherTenantNothingOfTheDocumentsAnswersCacheOrConversation() throws Exception {
        UUID document = seed(tenantA, POLICY);
        JsonNode ofA = awaitAnswer(tenantA, Map.of("question", "How long is the warranty of a coffee machine?"));

        JsonNode ofB = json(post(
                viewer(tenantB), "/api/v1/query", Map.of("question", "How long is the warranty of a coffee machine?")));
        JsonNode ofBNamingA = json(post(
                viewer(tenantB),
                "/api/v1/query",
                Map.of("question", "How long is the warranty?", "documentIds", List.of(document.toString()))));
        HttpResponse<String> conversationOfA = post(
                viewer(tenantB),
                "/api/v1/query",
                Map.of(
                        "question",
                        "and then?",
                        "conversationId",
                        ofA.get("conversationId").asString()));

        assertThat(ofB.get("answer").asString()).isEmpty();
        assertThat(ofB.get("citations")).isEmpty();
        assertThat(ofB.get("cached").asBoolean()).isFalse();
        assertThat(ofBNamingA.get("citations")).isEmpty();
        assertThat(conversationOfA.statusCode()).isEqualTo(404);
    }

    @Test
    void streamsCitationsSentencesAndTheWholeAnswerAsServerSentEvents() throws Exception {
        seed(tenantA, POLICY);
        awaitAnswer(tenantA, Map.of("question", "Where are claims filed?"));

        HttpResponse<String> stream =
                post(viewer(tenantA), "/api/v1/query/stream", Map.of("question", "Where must claims be filed?"));

        assertThat(stream.statusCode()).isEqualTo(200);
        assertThat(stream.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/event-stream"));
        assertThat(stream.body())
                .contains("event:citation")
                .contains("event:delta")
                .contains("event:done")
                .contains("service portal");
    }

    @Test
    void servesARepeatedQuestionFromTheCacheUntilTheDocumentIsDeleted() throws Exception {
        UUID document = seed(tenantA, POLICY);
        Map<String, Object> question = Map.of("question", "When does the warranty expire early?");
        awaitAnswer(tenantA, question);

        JsonNode repeated = json(post(viewer(tenantA), "/api/v1/query", question));
        publish(new DocumentDeleted(UUID.randomUUID(), Instant.now(), document, tenantA, 1, "admin"));

        assertThat(repeated.get("cached").asBoolean()).isTrue();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode after = json(post(viewer(tenantA), "/api/v1/query", question));
            assertThat(after.get("cached").asBoolean()).isFalse();
            assertThat(after.get("citations")).isEmpty();
        });
    }

    @Test
    void answersARepeatedQuestionAfreshWhenTheRequestSwitchesTheCacheOff() throws Exception {
        seed(tenantA, POLICY);
        Map<String, Object> question = Map.of("question", "Who repairs a broken coffee machine?", "cache", false);
        awaitAnswer(tenantA, question);

        JsonNode uncached = json(post(viewer(tenantA), "/api/v1/query", question));
        JsonNode cachedAfterwards = json(
                post(viewer(tenantA), "/api/v1/query", Map.of("question", "Who repairs a broken coffee machine?")));

        assertThat(uncached.get("cached").asBoolean()).isFalse();
        assertThat(uncached.get("citations")).isNotEmpty();
        // Nothing was written by the uncached requests either: the first cacheable request computes its answer.
        assertThat(cachedAfterwards.get("cached").asBoolean()).isFalse();
    }

    @Test
    void resolvesAFollowUpQuestionWithinTheConversation() throws Exception {
        seed(tenantA, POLICY);
        JsonNode first = awaitAnswer(tenantA, Map.of("question", "How long is the warranty of a coffee machine?"));
        String conversation = first.get("conversationId").asString();

        JsonNode followUp = json(post(
                viewer(tenantA),
                "/api/v1/query",
                Map.of("question", "and when does it expire early?", "conversationId", conversation)));

        assertThat(followUp.get("conversationId").asString()).isEqualTo(conversation);
        assertThat(followUp.get("cached").asBoolean()).isFalse();
        assertThat(followUp.get("answer").asString()).contains("seal");
    }

    // --- seeding through Kafka, as ingestion does ---

    /** Sends the events of one indexed document version of {@code text}, cut into paragraphs, and returns its id. */
    private UUID seed(UUID tenant, String text) {
        assumeThat(retriever.getIfAvailable())
                .as("needs the read store's retriever (merged from the read-store branch)")
                .isNotNull();
        EmbeddingModel model = embeddingModel.getObject();
        UUID document = UUID.randomUUID();
        Instant now = Instant.now();
        publish(new DocumentReceived(
                UUID.randomUUID(),
                now,
                document,
                tenant,
                1,
                "warranty.txt",
                "text/plain",
                text.length(),
                "tester",
                new DocumentMetadata("Warranty policy", List.of("policy"), "fixtures", null)));
        List<int[]> spans = new ArrayList<>();
        int start = 0;
        int paragraph;
        while ((paragraph = text.indexOf("\n\n", start)) >= 0) {
            spans.add(new int[] {start, paragraph});
            start = paragraph + 2;
        }
        spans.add(new int[] {start, text.length()});
        for (int i = 0; i < spans.size(); i++) {
            String chunk = text.substring(spans.get(i)[0], spans.get(i)[1]);
            float[] vector = model.embed(List.of(chunk)).get(0);
            publish(new ChunkEmbedded(
                    UUID.randomUUID(),
                    now,
                    document,
                    tenant,
                    1,
                    UUID.randomUUID(),
                    i,
                    chunk,
                    1,
                    1,
                    spans.get(i)[0],
                    spans.get(i)[1],
                    List.of(),
                    model.countTokens(chunk),
                    Embedding.of(model.modelId(), vector)));
        }
        publish(new DocumentIndexed(
                UUID.randomUUID(), now, document, tenant, 1, spans.size(), 1, model.modelId(), model.dimension()));
        return document;
    }

    private void publish(DomainEvent event) {
        if (producer == null) {
            producer = new KafkaProducer<>(
                    Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
                    new StringSerializer(),
                    new ByteArraySerializer());
        }
        EventCatalog.Entry entry = EventCatalog.of(event);
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(
                entry.topic(), event.aggregateId(), EventJson.mapper().writeValueAsBytes(event));
        record.headers().add(EventHeaders.ID, bytes(event.eventId().toString()));
        record.headers().add(EventHeaders.TYPE, bytes(entry.type()));
        record.headers().add(EventHeaders.SOURCE, bytes(entry.source()));
        record.headers().add(EventHeaders.SPEC_VERSION, bytes(EventHeaders.SPEC_VERSION_1_0));
        try {
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("could not publish " + entry.type(), e);
        }
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    /** The first answer with citations: the read store applies the events asynchronously. */
    private JsonNode awaitAnswer(UUID tenant, Map<String, Object> body) throws Exception {
        JsonNode[] answer = new JsonNode[1];
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> {
                    Map<String, Object> uncached = new java.util.HashMap<>(body);
                    // polls use other topKs than the default, so an early empty answer is never the one the test reads
                    uncached.putIfAbsent("topK", 11 + (int) (System.nanoTime() % 5));
                    answer[0] = json(post(viewer(tenant), "/api/v1/query", uncached));
                    assertThat(answer[0].get("citations")).isNotEmpty();
                });
        return json(post(viewer(tenant), "/api/v1/query", body));
    }

    // --- HTTP as the gateway would call ---

    private CallerIdentity viewer(UUID tenant) {
        return caller(tenant, "user-1");
    }

    private CallerIdentity caller(UUID tenant, String subject) {
        return new CallerIdentity(tenant, "t-" + tenant, subject, "someone", Set.of("VIEWER"), AuthKind.USER);
    }

    private HttpResponse<String> post(CallerIdentity caller, String path, Map<String, Object> body) throws Exception {
        return send(caller, path, JSON.writeValueAsString(body));
    }

    private HttpResponse<String> send(CallerIdentity caller, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        identityHeaders.sign(caller, "POST", path, Instant.now()).forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }
}
