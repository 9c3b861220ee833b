package io.docmatrix.ingestion.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.docmatrix.contracts.EventCatalog;
import io.docmatrix.contracts.EventHeaders;
import io.docmatrix.contracts.upload.BlobReference;
import io.docmatrix.contracts.upload.DocumentMetadata;
import io.docmatrix.contracts.upload.DocumentUploaded;
import io.docmatrix.ingestion.document.ClaimedDocument;
import io.docmatrix.ingestion.document.DocumentLifecycle;
import io.docmatrix.runtime.messaging.EventJson;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import org.springframework.test.context.ActiveProfiles;

/**
 * One document's trace across ingestion's hops: the upload event's {@code traceparent} is stored with the queued
 * document, resumed by the worker on its own thread, and carried by every event ingestion publishes for it (the relay
 * copies the outbox column into the Kafka header, OutboxRelayIT in service-runtime).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@EmbeddedKafka(partitions = 1, bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class TracePropagationIT {

    private static final String WORKER = "trace-propagation-it";

    @Autowired
    DocumentLifecycle lifecycle;

    @Autowired
    IngestionWorkers workers;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    EmbeddedKafkaBroker broker;

    @Value("${ingestion.blobs.root}")
    Path blobRoot;

    private final UUID tenant = UUID.randomUUID();

    @BeforeEach
    void noOtherDocumentWaits() {
        jdbc.sql(
                        "UPDATE document SET status = 'FAILED', error_code = 'TEST_PARKED', lease_owner = NULL WHERE status IN ('RECEIVED', 'PARSING', 'EMBEDDING')")
                .update();
    }

    @Test
    void everyEventPublishedForADocumentContinuesTheTraceOfItsUploadEvent() throws Exception {
        String traceId = HexFormat.of().formatHex(randomBytes(16));
        String uploadTraceparent = "00-" + traceId + "-" + HexFormat.of().formatHex(randomBytes(8)) + "-01";
        DocumentUploaded upload = storedUpload(
                "terms.txt", "The Supplier shall deliver the Goods. Either party may terminate on notice.");

        send(upload, uploadTraceparent);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> jdbc.sql("SELECT count(*) FROM document WHERE id = :id")
                                .param("id", upload.documentId())
                                .query(Long.class)
                                .single()
                        == 1);
        ClaimedDocument claimed =
                lifecycle.claimNext(WORKER, Duration.ofMinutes(1)).orElseThrow();
        DocumentProcessor.Result result = workers.attempt(claimed, WORKER);

        assertThat(claimed.id()).isEqualTo(upload.documentId());
        assertThat(claimed.traceparent()).startsWith("00-" + traceId + "-");
        assertThat(result).isEqualTo(DocumentProcessor.Result.READY);
        List<Map<String, Object>> events = jdbc.sql(
                        "SELECT type, traceparent FROM outbox WHERE aggregateid = :id ORDER BY created_at, type")
                .param("id", upload.documentId().toString())
                .query()
                .listOfRows();
        assertThat(events)
                .extracting(row -> String.valueOf(row.get("type")))
                .anyMatch(type -> type.contains("DocumentReceived"))
                .anyMatch(type -> type.contains("ChunkEmbedded"))
                .anyMatch(type -> type.contains("DocumentIndexed"));
        assertThat(events)
                .extracting(row -> row.get("type") + " " + row.get("traceparent"))
                .allMatch(event -> event.matches(".* 00-" + traceId + "-[0-9a-f]{16}-0[01]"));
    }

    private void send(DocumentUploaded upload, String traceparent) {
        EventCatalog.Entry entry = EventCatalog.of(upload);
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(
                entry.topic(), upload.aggregateId(), EventJson.mapper().writeValueAsBytes(upload));
        Map.of(
                        EventHeaders.ID, upload.eventId().toString(),
                        EventHeaders.TYPE, entry.type(),
                        EventHeaders.SOURCE, entry.source(),
                        EventHeaders.SPEC_VERSION, EventHeaders.SPEC_VERSION_1_0,
                        EventHeaders.TRACEPARENT, traceparent)
                .forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        DefaultKafkaProducerFactory<String, byte[]> producers = new DefaultKafkaProducerFactory<>(
                KafkaTestUtils.producerProps(broker), new StringSerializer(), new ByteArraySerializer());
        try {
            new KafkaTemplate<>(producers).send(record).join();
        } finally {
            producers.destroy();
        }
    }

    private DocumentUploaded storedUpload(String filename, String text) throws Exception {
        byte[] content = text.getBytes(StandardCharsets.UTF_8);
        UUID id = UUID.randomUUID();
        String key = tenant + "/" + id + "/1";
        Path file = blobRoot.resolve(key);
        Files.createDirectories(file.getParent());
        Files.write(file, content);
        return new DocumentUploaded(
                UUID.randomUUID(),
                Instant.now(),
                id,
                tenant,
                1,
                "user-1",
                filename,
                "text/plain",
                content.length,
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content)),
                new BlobReference(BlobReference.FILESYSTEM, key),
                DocumentMetadata.none());
    }

    private static byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        new java.security.SecureRandom().nextBytes(bytes);
        return bytes;
    }
}
