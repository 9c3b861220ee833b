package io.docmatrix.auth.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class KeyEncryptionTest {

    private static final String SECRET = "a-secret-of-at-least-thirty-two-characters";
    private static final byte[] PRIVATE_KEY = "pkcs8 bytes".getBytes(StandardCharsets.UTF_8);

    @Test
    void decryptsWhatItEncrypted() {
        KeyEncryption encryption = new KeyEncryption(SECRET);

        byte[] encrypted = encryption.encrypt("kid-1", PRIVATE_KEY);

        assertThat(new String(encrypted, StandardCharsets.ISO_8859_1)).doesNotContain("pkcs8 bytes");
        assertThat(encryption.decrypt("kid-1", encrypted)).isEqualTo(PRIVATE_KEY);
    }

    @Test
    void usesAFreshNonceForEveryEncryption() {
        KeyEncryption encryption = new KeyEncryption(SECRET);

        assertThat(encryption.encrypt("kid-1", PRIVATE_KEY)).isNotEqualTo(encryption.encrypt("kid-1", PRIVATE_KEY));
    }

    @Test
    void refusesACiphertextMovedToAnotherKeyId() {
        KeyEncryption encryption = new KeyEncryption(SECRET);
        byte[] encrypted = encryption.encrypt("kid-1", PRIVATE_KEY);

        assertThatThrownBy(() -> encryption.decrypt("kid-2", encrypted)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void refusesToDecryptWithAnotherSecret() {
        byte[] encrypted = new KeyEncryption(SECRET).encrypt("kid-1", PRIVATE_KEY);

        KeyEncryption other = new KeyEncryption("another-secret-of-at-least-thirty-two-chars");

        assertThatThrownBy(() -> other.decrypt("kid-1", encrypted)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void refusesTamperedData() {
        KeyEncryption encryption = new KeyEncryption(SECRET);
        byte[] encrypted = encryption.encrypt("kid-1", PRIVATE_KEY);

        encrypted[encrypted.length - 1] ^= 1;

        assertThatThrownBy(() -> encryption.decrypt("kid-1", encrypted)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void rejectsShortSecrets() {
        assertThatThrownBy(() -> new KeyEncryption("too short")).isInstanceOf(IllegalArgumentException.class);
    }
}
