package io.docmatrix.auth.signing;

import java.time.Instant;

/**
 * One RSA key pair of the key ring.
 *
 * @param kid the key id, the JOSE header {@code kid} of every token it signs
 * @param createdAt when it was generated (and published)
 * @param activatesAt from when it signs; later than {@code createdAt} by the publish-ahead time for rotated keys
 * @param publicKey X.509 DER encoding
 * @param encryptedPrivateKey PKCS#8 DER encoding, encrypted by {@link KeyEncryption}
 */
public record SigningKey(
        String kid, Instant createdAt, Instant activatesAt, byte[] publicKey, byte[] encryptedPrivateKey) {}
