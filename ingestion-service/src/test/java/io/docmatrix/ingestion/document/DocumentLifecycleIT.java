package io.docmatrix.ingestion.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.docmatrix.contracts.EventCatalog;
import io.docmatrix.contracts.EventHeaders;
import io.docmatrix.contracts.Topics;
import io.docmatrix.contracts.upload.BlobReference;
import io.docmatrix.contracts.upload.DocumentMetadata;
import io.docmatrix.contracts.upload.DocumentUploaded;
import io.docmatrix.runtime.messaging.EventJson;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import org.springframework.test.context.ActiveProfiles;

/**
 * The document state machine against the real database: each transition, the events it leaves in the outbox, and
 * that repeated or stale steps change nothing. Upload events arrive over the embedded broker.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@EmbeddedKafka(partitions = 1, bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class DocumentLifecycleIT {

    private static final String WORKER = "worker-test";

    @Autowired
    DocumentLifecycle lifecycle;

    @Autowired
    DocumentIntake intake;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    EmbeddedKafkaBroker broker;

    private KafkaTemplate<String, byte[]> kafka;

    private final UUID tenant = UUID.randomUUID();

    @BeforeEach
    void rawProducer() {
        kafka = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(
                KafkaTestUtils.producerProps(broker), new StringSerializer(), new ByteArraySerializer()));
    }

    @BeforeEach
    void noOtherDocumentWaits() {
        // Claims take the oldest waiting document; park what earlier tests left so each test claims its own.
        jdbc.sql(
                        "UPDATE document SET status = 'FAILED', error_code = 'TEST_PARKED', lease_owner = NULL WHERE status IN ('RECEIVED', 'PARSING', 'EMBEDDING')")
                .update();
    }

    @Test
    void receivesAnUploadOnceWhateverTheRedeliveries() {
        DocumentUploaded upload = upload(UUID.randomUUID(), 1);

        boolean first = intake.receive(upload);
        boolean again = intake.receive(upload);

        assertThat(first).isTrue();
        assertThat(again).isFalse();
        assertThat(count("SELECT count(*) FROM document WHERE id = :id", upload.documentId()))
                .isEqualTo(1);
        assertThat(outboxTypes(upload.documentId())).containsExactly("io.docmatrix.documents.DocumentReceived.v1");
    }

    @Test
    void walksAVersionToReadyAndAnnouncesEveryChunkThenTheCount() {
        DocumentUploaded upload = upload(UUID.randomUUID(), 1);
        intake.receive(upload);

        ClaimedDocument claimed =
                lifecycle.claimNext(WORKER, Duration.ofMinutes(5)).orElseThrow();
        ExtractedText text =
                new ExtractedText("Alpha beta. Gamma delta.", List.of(new ExtractedText.PageRange(1, 0, 24)));
        boolean parsed = lifecycle.parsed(claimed, WORKER, text, 1);
        boolean indexed = lifecycle.indexed(
                claimed,
                WORKER,
                List.of(chunk(0, "Alpha beta.", 0, 11), chunk(1, "Gamma delta.", 12, 24)),
                "test-model",
                3,
                1);

        assertThat(claimed.id()).isEqualTo(upload.documentId());
        assertThat(parsed).isTrue();
        assertThat(indexed).isTrue();
        assertThat(status(upload.documentId())).isEqualTo("READY");
        assertThat(jdbc.sql("SELECT id FROM chunk WHERE document_id = :id ORDER BY ordinal")
                        .param("id", upload.documentId())
                        .query(UUID.class)
                        .list())
                .containsExactly(ChunkIds.of(upload.documentId(), 1, 0), ChunkIds.of(upload.documentId(), 1, 1));
        assertThat(outboxTypes(upload.documentId()))
                .containsExactly(
                        "io.docmatrix.documents.DocumentReceived.v1",
                        "io.docmatrix.documents.DocumentParsingStarted.v1",
                        "io.docmatrix.documents.DocumentParsed.v1",
                        "io.docmatrix.documents.ChunkEmbedded.v1",
                        "io.docmatrix.documents.ChunkEmbedded.v1",
                        "io.docmatrix.documents.DocumentIndexed.v1");
    }

    @Test
    void aWorkerThatLostItsLeaseChangesNothing() {
        DocumentUploaded upload = upload(UUID.randomUUID(), 1);
        intake.receive(upload);
        ClaimedDocument claimed =
                lifecycle.claimNext(WORKER, Duration.ofMinutes(5)).orElseThrow();

        boolean staleParsed = lifecycle.parsed(claimed, "someone-else", new ExtractedText("x", List.of()), 1);
        boolean staleFailed = lifecycle.failed(claimed, "someone-else", "UNPARSEABLE_DOCUMENT", "x", "PARSING");

        assertThat(staleParsed).isFalse();
        assertThat(staleFailed).isFalse();
        assertThat(status(upload.documentId())).isEqualTo("PARSING");
    }

    @Test
    void failsWithAStableCodeAndSaysSo() {
        DocumentUploaded upload = upload(UUID.randomUUID(), 1);
        intake.receive(upload);
        ClaimedDocument claimed =
                lifecycle.claimNext(WORKER, Duration.ofMinutes(5)).orElseThrow();

        lifecycle.failed(claimed, WORKER, "ENCRYPTED_DOCUMENT", "The PDF is password protected.", "PARSING");

        assertThat(status(upload.documentId())).isEqualTo("FAILED");
        assertThat(jdbc.sql("SELECT error_code FROM document WHERE id = :id")
                        .param("id", upload.documentId())
                        .query(String.class)
                        .single())
                .isEqualTo("ENCRYPTED_DOCUMENT");
        assertThat(outboxTypes(upload.documentId())).last().isEqualTo("io.docmatrix.documents.DocumentFailed.v1");
    }

    @Test
    void requeuesAVersionWhoseWorkerVanishedAndAbandonsItAfterTheLastAttempt() {
        DocumentUploaded upload = upload(UUID.randomUUID(), 1);
        intake.receive(upload);
        lifecycle.claimNext(WORKER, Duration.ofMillis(1)).orElseThrow();

        await().atMost(Duration.ofSeconds(5))
                .until(() -> !lifecycle.expireLeases(2).isEmpty());
        assertThat(status(upload.documentId())).isEqualTo("RECEIVED");

        lifecycle.claimNext(WORKER, Duration.ofMillis(1)).orElseThrow();
        await().atMost(Duration.ofSeconds(5))
                .until(() -> !lifecycle.expireLeases(2).isEmpty());

        assertThat(status(upload.documentId())).isEqualTo("FAILED");
        assertThat(outboxTypes(upload.documentId())).last().isEqualTo("io.docmatrix.documents.DocumentFailed.v1");
    }

    @Test
    void aRenewedLeaseKeepsTheDocumentWithItsWorker() {
        DocumentUploaded upload = upload(UUID.randomUUID(), 1);
        intake.receive(upload);
        ClaimedDocument claimed =
                lifecycle.claimNext(WORKER, Duration.ofMillis(1)).orElseThrow();

        boolean renewed = lifecycle.renewLease(claimed, WORKER, Duration.ofMinutes(5));
        boolean stolen = lifecycle.renewLease(claimed, "someone-else", Duration.ofMinutes(5));
        lifecycle.expireLeases(3);

        assertThat(renewed).isTrue();
        assertThat(stolen).isFalse();
        assertThat(status(upload.documentId())).isEqualTo("PARSING");
    }

    @Test
    void keepsOnlyTheNewestVersionInTheListingAndDeletesAllVersions() {
        UUID id = UUID.randomUUID();
        intake.receive(upload(id, 1));
        intake.receive(upload(id, 2));

        List<Boolean> latest = jdbc.sql("SELECT latest FROM document WHERE id = :id ORDER BY version")
                .param("id", id)
                .query(Boolean.class)
                .list();
        List<BlobReference> removed = lifecycle.delete(tenant, id, "admin").orElseThrow();

        assertThat(latest).containsExactly(false, true);
        assertThat(removed).hasSize(2);
        assertThat(count("SELECT count(*) FROM document WHERE id = :id", id)).isZero();
        assertThat(outboxTypes(id)).last().isEqualTo("io.docmatrix.documents.DocumentDeleted.v1");
        assertThat(lifecycle.delete(UUID.randomUUID(), id, "admin")).isEmpty();
    }

    @Test
    void receivesUploadEventsFromKafka() {
        DocumentUploaded upload = upload(UUID.randomUUID(), 1);

        kafka.send(record(upload));

        await().atMost(Duration.ofSeconds(20))
                .until(() -> count("SELECT count(*) FROM document WHERE id = :id", upload.documentId()) == 1);
    }

    @Test
    void sendsAnUndecodableUploadRecordToTheDeadLetterTopic() {
        String key = UUID.randomUUID().toString();
        ProducerRecord<String, byte[]> poison =
                new ProducerRecord<>(Topics.DOCUMENTS_UPLOADS, key, "{not json".getBytes(StandardCharsets.UTF_8));
        poison.headers().add(EventHeaders.TYPE, "io.docmatrix.documents.DocumentUploaded.v1".getBytes());

        kafka.send(poison);

        try (Consumer<String, byte[]> consumer = new DefaultKafkaConsumerFactory<>(
                        KafkaTestUtils.consumerProps(broker, "dlt-check-" + key, false),
                        new StringDeserializer(),
                        new ByteArrayDeserializer())
                .createConsumer()) {
            consumer.subscribe(List.of(Topics.deadLetterTopic(Topics.DOCUMENTS_UPLOADS, "ingestion-service")));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                List<ConsumerRecord<String, byte[]>> records = new java.util.ArrayList<>();
                KafkaTestUtils.getRecords(consumer, Duration.ofSeconds(2))
                        .records(Topics.deadLetterTopic(Topics.DOCUMENTS_UPLOADS, "ingestion-service"))
                        .forEach(r -> {
                            if (key.equals(r.key())) {
                                records.add(r);
                            }
                        });
                assertThat(records).hasSize(1);
                assertThat(records.get(0).headers().lastHeader(EventHeaders.DLT_ORIGINAL_TOPIC))
                        .isNotNull();
            });
        }
    }

    private ProducerRecord<String, byte[]> record(DocumentUploaded upload) {
        EventCatalog.Entry entry = EventCatalog.of(upload);
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(
                entry.topic(), upload.aggregateId(), EventJson.mapper().writeValueAsBytes(upload));
        Map.of(
                        EventHeaders.ID, upload.eventId().toString(),
                        EventHeaders.TYPE, entry.type(),
                        EventHeaders.SOURCE, entry.source(),
                        EventHeaders.SPEC_VERSION, EventHeaders.SPEC_VERSION_1_0)
                .forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        return record;
    }

    private DocumentUploaded upload(UUID documentId, int version) {
        return new DocumentUploaded(
                UUID.randomUUID(),
                Instant.parse("2001-01-01T00:00:00Z").plusSeconds(version),
                documentId,
                tenant,
                version,
                "user-1",
                "contract.pdf",
                "application/pdf",
                1234,
                "a".repeat(64),
                new BlobReference(BlobReference.FILESYSTEM, tenant + "/" + documentId + "/" + version),
                DocumentMetadata.none());
    }

    private static NewChunk chunk(int ordinal, String text, int start, int end) {
        return new NewChunk(ordinal, text, 1, 1, start, end, List.of("Heading"), 3, new float[] {0.6f, 0.8f, 0f});
    }

    private String status(UUID id) {
        return jdbc.sql("SELECT status FROM document WHERE id = :id ORDER BY version DESC LIMIT 1")
                .param("id", id)
                .query(String.class)
                .single();
    }

    private long count(String sql, UUID id) {
        return jdbc.sql(sql).param("id", id).query(Long.class).single();
    }

    private List<String> outboxTypes(UUID documentId) {
        return jdbc.sql("SELECT type FROM outbox WHERE aggregateid = :id ORDER BY created_at, ctid")
                .param("id", documentId.toString())
                .query(String.class)
                .list();
    }
}
