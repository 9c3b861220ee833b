package io.docmatrix.blob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The S3 client against a real S3-compatible server (S3Mock as a child process). */
class S3ObjectStoreIT {

    private final S3MockServer server = S3MockServer.shared();

    @TempDir
    Path dir;

    @Test
    void storesReadsAndDeletesAFile() throws Exception {
        byte[] content = new byte[3 << 20];
        new Random(7).nextBytes(content);
        Path file = Files.write(dir.resolve("upload.part"), content);
        String key = UUID.randomUUID() + "/" + UUID.randomUUID() + "/1";

        try (S3ObjectStore store = new S3ObjectStore(server.settings(), "test")) {
            store.putFile(key, file);

            assertThat(store.exists(key)).isTrue();
            assertThat(store.read(key)).isEqualTo(content);

            store.delete(key);
            store.delete(key);

            assertThat(store.exists(key)).isFalse();
            assertThatThrownBy(() -> store.read(key)).isInstanceOf(ObjectStoreException.NotFound.class);
        }
    }

    @Test
    void refusesAnInvalidKeyBeforeAnyRequest() throws Exception {
        Path file = Files.writeString(dir.resolve("f"), "x");

        try (S3ObjectStore store = new S3ObjectStore(server.settings(), "test")) {
            assertThatThrownBy(() -> store.putFile("../outside", file))
                    .isInstanceOf(BlobKeys.InvalidBlobKeyException.class);
            assertThatThrownBy(() -> store.read("/absolute")).isInstanceOf(BlobKeys.InvalidBlobKeyException.class);
            assertThat(store.exists("outside")).isFalse();
        }
    }

    @Test
    void aStoreThatIsDownFailsFastWithAClearErrorAfterItsRetries() throws Exception {
        URI dead = URI.create("http://127.0.0.1:" + S3MockServer.freePort());
        S3Settings settings = S3Settings.local(dead, S3MockServer.BUCKET, "k", "s");

        try (S3ObjectStore store = new S3ObjectStore(settings, "test-down")) {
            long start = System.nanoTime();

            assertThatThrownBy(() -> store.read("t/d/1"))
                    .isInstanceOf(ObjectStoreException.Unavailable.class)
                    .hasMessageContaining("cannot read t/d/1")
                    .hasMessageContaining(dead.toString())
                    .hasMessageContaining("after 3 attempts");

            // Three attempts with 200 ms and 400 ms between them, each refused at once: well under the timeouts.
            assertThat(Duration.ofNanos(System.nanoTime() - start))
                    .isBetween(Duration.ofMillis(550), Duration.ofSeconds(10));
        }
    }

    @Test
    void repeatedFailuresOpenTheCircuitSoLaterCallsFailAtOnce() throws Exception {
        URI dead = URI.create("http://127.0.0.1:" + S3MockServer.freePort());
        S3Settings settings =
                S3Settings.local(dead, S3MockServer.BUCKET, "k", "s").withMaxAttempts(1);

        try (S3ObjectStore store = new S3ObjectStore(settings, "test-breaker")) {
            for (int i = 0; i < 10; i++) {
                assertThatThrownBy(() -> store.read("t/d/1")).isInstanceOf(ObjectStoreException.Unavailable.class);
            }

            assertThatThrownBy(() -> store.read("t/d/1"))
                    .isInstanceOf(ObjectStoreException.Unavailable.class)
                    .hasMessageContaining("circuit breaker open");
        }
    }
}
