package io.docmatrix.blob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BlobKeysTest {

    @Test
    void acceptsTheKeysTheGatewayGenerates() {
        String key = UUID.randomUUID() + "/" + UUID.randomUUID() + "/3";

        assertThat(BlobKeys.requireValid(key)).isEqualTo(key);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "../secret",
                "a/../../secret",
                "/etc/passwd",
                "a//b",
                "a/",
                "./a",
                "a/./b",
                ".staging/upload.part",
                "a\\..\\b",
                "tenant/doc name",
                "tenant/\u0000"
            })
    void refusesKeysThatCouldLeaveTheRootOrReachStaging(String key) {
        assertThatThrownBy(() -> BlobKeys.requireValid(key)).isInstanceOf(BlobKeys.InvalidBlobKeyException.class);
    }

    @Test
    void refusesOverlongKeys() {
        assertThatThrownBy(() -> BlobKeys.requireValid("a".repeat(BlobKeys.MAX_LENGTH + 1)))
                .isInstanceOf(BlobKeys.InvalidBlobKeyException.class)
                .hasMessageContaining("characters");
    }

    @Test
    void resolvesValidKeysStrictlyBelowTheRoot() {
        Path root = Path.of("var", "blobs");

        Path file = BlobKeys.resolveUnder(root, "t/d/1");

        assertThat(file).isEqualTo(root.toAbsolutePath().normalize().resolve("t/d/1"));
        assertThatThrownBy(() -> BlobKeys.resolveUnder(root, "../blobs-secret"))
                .isInstanceOf(BlobKeys.InvalidBlobKeyException.class);
    }
}
