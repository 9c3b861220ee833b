package io.docmatrix.ingestion.blob.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.docmatrix.blob.S3MockServer;
import io.docmatrix.blob.S3ObjectStore;
import io.docmatrix.blob.S3Settings;
import io.docmatrix.contracts.upload.BlobReference;
import io.docmatrix.ingestion.blob.BlobStore;
import io.docmatrix.ingestion.blob.BlobStore.BlobUnavailableException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ingestion's S3 store and the store router against a real S3-compatible server (S3Mock as a child process). */
class S3BlobStoreIT {

    @TempDir
    Path dir;

    @Test
    void readsTheObjectTheGatewayWroteAndDeletesIt() throws Exception {
        String key = UUID.randomUUID() + "/" + UUID.randomUUID() + "/1";
        try (S3ObjectStore objects = new S3ObjectStore(S3MockServer.shared().settings(), "ingestion-test");
                S3BlobStore store = new S3BlobStore(objects)) {
            objects.putFile(key, Files.writeString(dir.resolve("upload.part"), "claim-check bytes"));
            BlobReference blob = new BlobReference(BlobReference.S3, key);

            assertThat(store.read(blob)).asString().isEqualTo("claim-check bytes");

            store.delete(blob);
            store.delete(blob);

            assertThat(objects.exists(key)).isFalse();
        }
    }

    @Test
    void aMissingObjectOrABadKeyFailsForGood() throws Exception {
        try (S3ObjectStore objects = new S3ObjectStore(S3MockServer.shared().settings(), "ingestion-test");
                S3BlobStore store = new S3BlobStore(objects)) {

            assertPermanent(() -> store.read(new BlobReference(BlobReference.S3, "nobody/wrote/this")));
            assertPermanent(() -> store.read(new BlobReference(BlobReference.S3, "../../etc/passwd")));
            assertPermanent(() -> store.read(new BlobReference(BlobReference.FILESYSTEM, "t/d/1")));
        }
    }

    @Test
    void aStoreThatIsDownIsATransientFailureReportedWithinSeconds() throws Exception {
        URI dead = URI.create("http://127.0.0.1:" + S3MockServer.freePort());
        try (S3BlobStore store =
                new S3BlobStore(new S3ObjectStore(S3Settings.local(dead, "bucket", "k", "s"), "ingestion-down"))) {
            long start = System.nanoTime();

            assertThatThrownBy(() -> store.read(new BlobReference(BlobReference.S3, "t/d/1")))
                    .isInstanceOf(BlobUnavailableException.class)
                    .hasMessageContaining(dead.toString())
                    .satisfies(e -> assertThat(((BlobUnavailableException) e).transientFailure())
                            .isTrue());
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        }
    }

    @Test
    void theRouterReadsEachBlobFromTheStoreItsReferenceNames() throws Exception {
        String key = "t/" + UUID.randomUUID() + "/1";
        Files.createDirectories(dir.resolve(key).getParent());
        Files.writeString(dir.resolve(key), "from disk");
        try (S3ObjectStore objects = new S3ObjectStore(S3MockServer.shared().settings(), "ingestion-test");
                StoreRoutingBlobStore router = new StoreRoutingBlobStore(Map.of(
                        BlobReference.FILESYSTEM, new FileSystemBlobStore(dir),
                        BlobReference.S3, new S3BlobStore(objects)))) {
            objects.putFile(key, Files.writeString(dir.resolve("other"), "from s3"));

            assertThat(router.read(new BlobReference(BlobReference.FILESYSTEM, key)))
                    .asString()
                    .isEqualTo("from disk");
            assertThat(router.read(new BlobReference(BlobReference.S3, key)))
                    .asString()
                    .isEqualTo("from s3");
            assertPermanent(() -> router.read(new BlobReference("azure", key)));
        }
    }

    private static void assertPermanent(ThrowingRead read) {
        assertThatThrownBy(read::read)
                .isInstanceOf(BlobUnavailableException.class)
                .satisfies(e -> assertThat(((BlobUnavailableException) e).transientFailure())
                        .isFalse());
    }

    @FunctionalInterface
    interface ThrowingRead {
        byte[] read() throws BlobStore.BlobUnavailableException;
    }
}
