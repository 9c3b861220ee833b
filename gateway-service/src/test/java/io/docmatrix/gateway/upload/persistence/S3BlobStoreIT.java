package io.docmatrix.gateway.upload.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.docmatrix.blob.ObjectStoreException;
import io.docmatrix.blob.S3MockServer;
import io.docmatrix.blob.S3ObjectStore;
import io.docmatrix.blob.S3Settings;
import io.docmatrix.contracts.upload.BlobReference;
import io.docmatrix.gateway.upload.BlobStore;
import java.net.URI;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import reactor.core.publisher.Flux;

/** The gateway's S3 store against a real S3-compatible server (S3Mock as a child process); no Spring context. */
class S3BlobStoreIT {

    private static final DefaultDataBufferFactory BUFFERS = DefaultDataBufferFactory.sharedInstance;

    @TempDir
    Path staging;

    @Test
    void stagesAStreamLocallyThenCommitsItAsAnObjectAndDropsTheLocalCopy() throws Exception {
        byte[] content = randomBytes(2 << 20);
        try (S3ObjectStore objects = new S3ObjectStore(S3MockServer.shared().settings(), "gateway-test");
                S3BlobStore store = new S3BlobStore(objects, staging)) {

            BlobStore.StagedBlob staged =
                    store.stage(chunks(content, 64 << 10), 10 << 20).block();
            String key = UUID.randomUUID() + "/" + UUID.randomUUID() + "/1";
            BlobReference blob = store.commit(staged, key);

            assertThat(staged.sizeBytes()).isEqualTo(content.length);
            assertThat(staged.sha256()).isEqualTo(sha256(content));
            assertThat(blob).isEqualTo(new BlobReference(BlobReference.S3, key));
            assertThat(objects.read(key)).isEqualTo(content);
            assertThat(staged.file()).doesNotExist();

            store.delete(blob);

            assertThat(objects.exists(key)).isFalse();
        }
    }

    @Test
    void refusesToStoreUnderAKeyThatBreaksTheRules() throws Exception {
        try (S3ObjectStore objects = new S3ObjectStore(S3MockServer.shared().settings(), "gateway-test");
                S3BlobStore store = new S3BlobStore(objects, staging)) {
            BlobStore.StagedBlob staged =
                    store.stage(chunks("x".getBytes(), 1), 10).block();

            assertThatThrownBy(() -> store.commit(staged, "../escape")).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> store.commit(staged, ".staging/x")).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void aStoreThatIsDownFailsTheCommitWithAnIoErrorAndKeepsTheStagedFileForDiscard() throws Exception {
        URI dead = URI.create("http://127.0.0.1:" + S3MockServer.freePort());
        try (S3ObjectStore objects = new S3ObjectStore(S3Settings.local(dead, "bucket", "k", "s"), "gateway-down");
                S3BlobStore store = new S3BlobStore(objects, staging)) {
            BlobStore.StagedBlob staged =
                    store.stage(chunks(randomBytes(1000), 100), 10_000).block();

            // An I/O exception is what the intake turns into 503 STORAGE_UNAVAILABLE.
            assertThatThrownBy(() -> store.commit(staged, "t/d/1"))
                    .isInstanceOf(ObjectStoreException.Unavailable.class)
                    .hasMessageContaining(dead.toString());
            assertThat(staged.file()).exists();

            store.discard(staged);

            assertThat(staged.file()).doesNotExist();
        }
    }

    private static Flux<DataBuffer> chunks(byte[] content, int size) {
        return Flux.range(0, (content.length + size - 1) / size)
                .map(i -> BUFFERS.wrap(
                        java.util.Arrays.copyOfRange(content, i * size, Math.min(content.length, (i + 1) * size))));
    }

    private static byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        new Random(length).nextBytes(bytes);
        return bytes;
    }

    private static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }
}
