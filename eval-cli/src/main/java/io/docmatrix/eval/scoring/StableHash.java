package io.docmatrix.eval.scoring;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * A hash of a text that is the same on every machine and JVM (unlike {@link String#hashCode()} seeds or
 * {@code HashMap} order), so folds, samples and exemplar picks are reproducible from the ids alone.
 */
public final class StableHash {

    private StableHash() {}

    /** The first 8 bytes of SHA-256 of {@code salt + ":" + text} as a non-negative long. */
    public static long of(String salt, String text) {
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256").digest((salt + ":" + text).getBytes(StandardCharsets.UTF_8));
            long value = 0;
            for (int i = 0; i < 8; i++) {
                value = (value << 8) | (digest[i] & 0xff);
            }
            return value & Long.MAX_VALUE;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** SHA-256 of bytes as lower-case hex, e.g. for idempotency keys. */
    public static String sha256Hex(byte[] bytes) {
        try {
            StringBuilder hex = new StringBuilder();
            for (byte b : MessageDigest.getInstance("SHA-256").digest(bytes)) {
                hex.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
            }
            return hex.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
