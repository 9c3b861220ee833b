package io.docmatrix.auth.apikey;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * The key format {@code dmx_<prefix>_<secret>}: {@code dmx_} makes leaked keys recognisable to secret scanners, the
 * 8-character prefix finds the stored row without revealing anything, and the secret is 256 random bits in base64url.
 */
public record ApiKeySecret(String prefix, String key) {

    static final String SCHEME = "dmx_";
    static final int PREFIX_LENGTH = 8;
    private static final int SECRET_BYTES = 32;
    private static final char[] PREFIX_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    public static ApiKeySecret generate() {
        StringBuilder prefix = new StringBuilder(PREFIX_LENGTH);
        for (int i = 0; i < PREFIX_LENGTH; i++) {
            prefix.append(PREFIX_ALPHABET[RANDOM.nextInt(PREFIX_ALPHABET.length)]);
        }
        byte[] secret = new byte[SECRET_BYTES];
        RANDOM.nextBytes(secret);
        String key =
                SCHEME + prefix + "_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        return new ApiKeySecret(prefix.toString(), key);
    }

    /** The prefix of a presented key, or empty when it does not have the format. */
    public static Optional<String> prefixOf(String key) {
        int secretStart = SCHEME.length() + PREFIX_LENGTH + 1;
        if (key.length() <= secretStart
                || key.length() > 200
                || !key.startsWith(SCHEME)
                || key.charAt(secretStart - 1) != '_') {
            return Optional.empty();
        }
        return Optional.of(key.substring(SCHEME.length(), SCHEME.length() + PREFIX_LENGTH));
    }

    public static byte[] hash(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is unavailable", e);
        }
    }

    public byte[] hash() {
        return hash(key);
    }

    @Override
    public String toString() {
        return "ApiKeySecret[prefix=" + prefix + "]";
    }
}
