package io.docmatrix.ingestion.blob;

import static org.assertj.core.api.Assertions.assertThat;

import io.docmatrix.blob.S3MockServer;
import io.docmatrix.blob.S3ObjectStore;
import io.docmatrix.contracts.upload.BlobReference;
import io.docmatrix.contracts.upload.DocumentMetadata;
import io.docmatrix.contracts.upload.DocumentUploaded;
import io.docmatrix.embedding.EmbeddingModel;
import io.docmatrix.ingestion.blob.persistence.S3BlobStore;
import io.docmatrix.ingestion.chunking.Chunker;
import io.docmatrix.ingestion.document.ClaimedDocument;
import io.docmatrix.ingestion.document.DocumentIntake;
import io.docmatrix.ingestion.document.DocumentLifecycle;
import io.docmatrix.ingestion.parsing.DocumentParser;
import io.docmatrix.ingestion.parsing.Fixtures;
import io.docmatrix.ingestion.pipeline.DocumentProcessor;
import io.docmatrix.runtime.observability.TraceContinuation;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.ActiveProfiles;

/**
 * The claim check on the reader's side with the S3 store: a document whose upload event names an S3 object is fetched
 * from a real S3-compatible server and processed to READY by the real pipeline (the shared test context, whose own
 * store is the file system).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@EmbeddedKafka(partitions = 1, bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class S3ClaimCheckIT {

    private static final String WORKER = "s3-claim-check-it";

    @Autowired
    DocumentIntake intake;

    @Autowired
    DocumentLifecycle lifecycle;

    @Autowired
    ObjectProvider<DocumentParser> parser;

    @Autowired
    Chunker chunker;

    @Autowired
    EmbeddingModel embeddings;

    @Autowired
    MeterRegistry meters;

    @Autowired
    TraceContinuation traces;

    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path dir;

    private final UUID tenant = UUID.randomUUID();

    @BeforeEach
    void noOtherDocumentWaits() {
        jdbc.sql(
                        "UPDATE document SET status = 'FAILED', error_code = 'TEST_PARKED', lease_owner = NULL WHERE status IN ('RECEIVED', 'PARSING', 'EMBEDDING')")
                .update();
    }

    @Test
    void processesADocumentWhoseBlobIsAnS3ObjectToReady() throws Exception {
        byte[] pdf = Fixtures.pdf(List.of(List.of("1. Payment", "The Buyer shall pay each invoice within 30 days.")));
        UUID id = UUID.randomUUID();
        String key = tenant + "/" + id + "/1";
        try (S3ObjectStore objects = new S3ObjectStore(S3MockServer.shared().settings(), "ingestion-claim-check");
                S3BlobStore store = new S3BlobStore(objects)) {
            objects.putFile(key, Files.write(dir.resolve("upload.part"), pdf));
            DocumentProcessor processor =
                    new DocumentProcessor(lifecycle, store, parser, chunker, embeddings, meters, traces);
            ClaimedDocument document = receiveAndClaim(id, new BlobReference(BlobReference.S3, key), pdf);

            DocumentProcessor.Result result = processor.process(document, WORKER);

            assertThat(result).isEqualTo(DocumentProcessor.Result.READY);
            assertThat(jdbc.sql("SELECT text FROM document_text WHERE document_id = :id")
                            .param("id", id)
                            .query(String.class)
                            .single())
                    .contains("pay each invoice within 30 days");
        }
    }

    private ClaimedDocument receiveAndClaim(UUID id, BlobReference blob, byte[] content) throws Exception {
        intake.receive(new DocumentUploaded(
                UUID.randomUUID(),
                Instant.parse("2001-01-01T00:00:00Z"),
                id,
                tenant,
                1,
                "user-1",
                "payment.pdf",
                "application/pdf",
                content.length,
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content)),
                blob,
                DocumentMetadata.none()));
        ClaimedDocument claimed =
                lifecycle.claimNext(WORKER, Duration.ofMinutes(5)).orElseThrow();
        assertThat(claimed.id()).isEqualTo(id);
        return claimed;
    }
}
