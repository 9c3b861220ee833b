package io.docmatrix.ingestion.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.docmatrix.contracts.upload.BlobReference;
import io.docmatrix.contracts.upload.DocumentMetadata;
import io.docmatrix.contracts.upload.DocumentUploaded;
import io.docmatrix.ingestion.document.ClaimedDocument;
import io.docmatrix.ingestion.document.DocumentIntake;
import io.docmatrix.ingestion.document.DocumentLifecycle;
import io.docmatrix.ingestion.parsing.Fixtures;
import java.nio.charset.StandardCharsets;
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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.ActiveProfiles;

/**
 * One document version from its blob to READY or FAILED through the real parser worker, chunker and ONNX model, with
 * the chunks and their events committed together.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@EmbeddedKafka(partitions = 1, bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class PipelineIT {

    private static final String WORKER = "pipeline-it";

    @Autowired
    DocumentIntake intake;

    @Autowired
    DocumentLifecycle lifecycle;

    @Autowired
    DocumentProcessor processor;

    @Autowired
    JdbcClient jdbc;

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
    void turnsAMultiPagePdfIntoReadyChunksWithTheirEvents() throws Exception {
        byte[] pdf = Fixtures.pdf(List.of(
                List.of("1. Definitions", "The Supplier shall deliver the Goods described in Schedule A."),
                List.of("2. Termination", "Either party may terminate this Agreement on thirty days notice.")));
        ClaimedDocument document = receiveAndClaim("agreement.pdf", "application/pdf", pdf);

        DocumentProcessor.Result result = processor.process(document, WORKER);

        assertThat(result).isEqualTo(DocumentProcessor.Result.READY);
        assertThat(status(document.id())).isEqualTo("READY");
        List<Integer> pages = jdbc.sql("SELECT page FROM chunk WHERE document_id = :id ORDER BY ordinal")
                .param("id", document.id())
                .query(Integer.class)
                .list();
        assertThat(pages).isNotEmpty().contains(2);
        long chunkEvents = jdbc.sql(
                        "SELECT count(*) FROM outbox WHERE aggregateid = :id AND type LIKE '%ChunkEmbedded%'")
                .param("id", document.id().toString())
                .query(Long.class)
                .single();
        assertThat(chunkEvents).isEqualTo(pages.size());
        String text = jdbc.sql("SELECT text FROM document_text WHERE document_id = :id")
                .param("id", document.id())
                .query(String.class)
                .single();
        jdbc.sql("SELECT text, start_offset, end_offset FROM chunk WHERE document_id = :id")
                .param("id", document.id())
                .query((rs, row) -> {
                    assertThat(text.substring(rs.getInt("start_offset"), rs.getInt("end_offset")))
                            .isEqualTo(rs.getString("text"));
                    return row;
                })
                .list();
    }

    @Test
    void failsAnEncryptedPdfWithAStableCode() throws Exception {
        byte[] pdf = Fixtures.encryptedPdf(List.of(List.of("Secret terms")), "open-sesame");
        ClaimedDocument document = receiveAndClaim("locked.pdf", "application/pdf", pdf);

        DocumentProcessor.Result result = processor.process(document, WORKER);

        assertThat(result).isEqualTo(DocumentProcessor.Result.FAILED);
        assertThat(errorCode(document.id())).isEqualTo("ENCRYPTED_DOCUMENT");
    }

    @Test
    void failsADocumentWhoseBlobIsGone() throws Exception {
        ClaimedDocument document = receiveAndClaim("gone.txt", "text/plain", "text".getBytes(StandardCharsets.UTF_8));
        Files.delete(blobRoot.resolve(document.blob().key()));

        DocumentProcessor.Result result = processor.process(document, WORKER);

        assertThat(result).isEqualTo(DocumentProcessor.Result.FAILED);
        assertThat(errorCode(document.id())).isEqualTo("BLOB_MISSING");
    }

    private ClaimedDocument receiveAndClaim(String filename, String contentType, byte[] content) throws Exception {
        UUID id = UUID.randomUUID();
        String key = tenant + "/" + id + "/1";
        Path file = blobRoot.resolve(key);
        Files.createDirectories(file.getParent());
        Files.write(file, content);
        intake.receive(new DocumentUploaded(
                UUID.randomUUID(),
                Instant.parse("2001-01-01T00:00:00Z"),
                id,
                tenant,
                1,
                "user-1",
                filename,
                contentType,
                content.length,
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content)),
                new BlobReference(BlobReference.FILESYSTEM, key),
                DocumentMetadata.none()));
        ClaimedDocument claimed =
                lifecycle.claimNext(WORKER, Duration.ofMinutes(5)).orElseThrow();
        assertThat(claimed.id()).isEqualTo(id);
        return claimed;
    }

    private String status(UUID id) {
        return jdbc.sql("SELECT status FROM document WHERE id = :id")
                .param("id", id)
                .query(String.class)
                .single();
    }

    private String errorCode(UUID id) {
        return jdbc.sql("SELECT error_code FROM document WHERE id = :id")
                .param("id", id)
                .query(String.class)
                .single();
    }
}
