package io.docmatrix.auth.signing;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts private keys at rest with AES-256-GCM. The AES key is derived from the configured secret with HMAC-SHA256
 * and a fixed label, so the same secret used elsewhere yields an unrelated key. The key id is authenticated as
 * associated data: a ciphertext copied onto another key's row does not decrypt. Layout: version byte, 12-byte nonce,
 * ciphertext with the 16-byte tag.
 */
public final class KeyEncryption {

    private static final byte VERSION = 1;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final int MIN_SECRET_CHARS = 32;
    private static final String LABEL = "docmatrix-auth/signing-key-encryption/v1";

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    public KeyEncryption(String secret) {
        if (secret.length() < MIN_SECRET_CHARS) {
            throw new IllegalArgumentException(
                    "the key encryption secret must have at least " + MIN_SECRET_CHARS + " characters");
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            this.key = new SecretKeySpec(mac.doFinal(LABEL.getBytes(StandardCharsets.UTF_8)), "AES");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }

    public byte[] encrypt(String kid, byte[] plaintext) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, nonce, kid);
            byte[] ciphertext = cipher.doFinal(plaintext);
            return ByteBuffer.allocate(1 + NONCE_BYTES + ciphertext.length)
                    .put(VERSION)
                    .put(nonce)
                    .put(ciphertext)
                    .array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    /** @throws IllegalStateException when the data was not encrypted for this kid with this secret */
    public byte[] decrypt(String kid, byte[] encrypted) {
        if (encrypted.length < 1 + NONCE_BYTES || encrypted[0] != VERSION) {
            throw new IllegalStateException("unknown key encryption format for key " + kid);
        }
        byte[] nonce = new byte[NONCE_BYTES];
        System.arraycopy(encrypted, 1, nonce, 0, NONCE_BYTES);
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, nonce, kid);
            return cipher.doFinal(encrypted, 1 + NONCE_BYTES, encrypted.length - 1 - NONCE_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(
                    "cannot decrypt signing key " + kid + ": wrong DOCMATRIX_AUTH_KEY_SECRET or tampered data", e);
        }
    }

    private Cipher cipher(int mode, byte[] nonce, String kid) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(kid.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }
}
