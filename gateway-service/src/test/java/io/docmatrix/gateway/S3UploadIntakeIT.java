package io.docmatrix.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.docmatrix.blob.S3MockServer;
import io.docmatrix.blob.S3ObjectStore;
import io.docmatrix.contracts.upload.DocumentMetadata;
import io.docmatrix.gateway.upload.BlobStore;
import io.docmatrix.gateway.upload.DocumentType;
import io.docmatrix.gateway.upload.UploadCommand;
import io.docmatrix.gateway.upload.UploadIntake;
import io.docmatrix.gateway.upload.UploadProperties;
import io.docmatrix.gateway.upload.UploadRepository;
import io.docmatrix.gateway.upload.UploadResult;
import io.docmatrix.gateway.upload.persistence.S3BlobStore;
import io.docmatrix.runtime.identity.AuthKind;
import io.docmatrix.runtime.identity.CallerIdentity;
import io.docmatrix.runtime.messaging.ProcessedEvents;
import io.docmatrix.runtime.outbox.OutboxWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import reactor.core.publisher.Flux;

/**
 * The upload intake with the S3 store: the gateway's real intake database, outbox and transactions (the shared test
 * context, whose own store is the file system) around an S3 store on a real S3-compatible server. Shows the claim
 * check end to end on the writer's side: an accepted upload is an object, and its row and event name it; a rolled-back
 * upload leaves no object behind.
 */
class S3UploadIntakeIT extends GatewayIntegrationTest {

    @Autowired
    UploadRepository uploads;

    @Autowired
    OutboxWriter outbox;

    @Autowired
    ProcessedEvents processed;

    @Autowired
    UploadProperties properties;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path staging;

    private final CallerIdentity caller = new CallerIdentity(
            UUID.randomUUID(), "s3-" + UUID.randomUUID(), "user-1", "analyst", Set.of("ANALYST"), AuthKind.USER);

    @Test
    void anAcceptedUploadIsAnObjectNamedByItsRowAndItsEvent() throws Exception {
        byte[] pdf = pdf();
        try (S3ObjectStore objects = new S3ObjectStore(S3MockServer.shared().settings(), "gateway-intake-test");
                S3BlobStore store = new S3BlobStore(objects, staging)) {
            UploadIntake intake = new UploadIntake(uploads, store, outbox, processed, properties, Clock.systemUTC());
            BlobStore.StagedBlob staged = store.stage(content(pdf), 1 << 20).block();

            UploadResult result = new TransactionTemplate(transactions)
                    .execute(tx -> intake.accept(caller, command(), DocumentType.PDF, staged));

            var row = jdbc.sql("SELECT blob_store, blob_key FROM upload WHERE document_id = :id")
                    .param("id", result.documentId())
                    .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)})
                    .single();
            assertThat(row[0]).isEqualTo("s3");
            assertThat(row[1]).isEqualTo(caller.tenantId() + "/" + result.documentId() + "/1");
            assertThat(objects.read(row[1])).isEqualTo(pdf);
            assertThat(jdbc.sql("SELECT payload::text FROM outbox WHERE aggregateid = :id")
                            .param("id", result.documentId().toString())
                            .query(String.class)
                            .single())
                    .contains("\"store\": \"s3\"")
                    .contains("\"key\": \"" + row[1] + "\"");
        }
    }

    @Test
    void aRolledBackUploadLeavesNoObjectBehind() throws Exception {
        try (S3ObjectStore objects = new S3ObjectStore(S3MockServer.shared().settings(), "gateway-intake-test");
                S3BlobStore store = new S3BlobStore(objects, staging)) {
            UploadIntake intake = new UploadIntake(uploads, store, outbox, processed, properties, Clock.systemUTC());
            BlobStore.StagedBlob staged = store.stage(content(pdf()), 1 << 20).block();

            UploadResult result = new TransactionTemplate(transactions).execute(tx -> {
                UploadResult accepted = intake.accept(caller, command(), DocumentType.PDF, staged);
                tx.setRollbackOnly();
                return accepted;
            });

            assertThat(objects.exists(caller.tenantId() + "/" + result.documentId() + "/1"))
                    .isFalse();
            assertThat(jdbc.sql("SELECT count(*) FROM upload WHERE document_id = :id")
                            .param("id", result.documentId())
                            .query(Integer.class)
                            .single())
                    .isZero();
        }
    }

    private static UploadCommand command() {
        return new UploadCommand("scan.pdf", DocumentMetadata.none(), null);
    }

    private static byte[] pdf() {
        return ("%PDF-1.4\n% s3 " + UUID.randomUUID() + "\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    private static Flux<DataBuffer> content(byte[] bytes) {
        return Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(bytes));
    }
}
