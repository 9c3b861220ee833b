package io.docmatrix.blob;

import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * The one rule set for blob keys, used by every store on both sides of the claim check. The gateway generates keys
 * ({@code tenant/document/version}); ingestion receives them in events and must never trust them as paths, so a key is a
 * relative path of plain segments: letters, digits, {@code _ - = .}, no segment starting with a dot (which rules out
 * {@code .} and {@code ..} and keeps the gateway's {@code .staging} area unreachable), no empty segment, no backslash.
 */
public final class BlobKeys {

    /** Object stores allow 1024 bytes; generated keys are about 80, so anything near the store's limit is suspect. */
    public static final int MAX_LENGTH = 512;

    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_=-][A-Za-z0-9._=-]*");

    private BlobKeys() {}

    /** Returns the key unchanged, or throws {@link InvalidBlobKeyException} saying which rule it broke. */
    public static String requireValid(String key) {
        if (key.isEmpty() || key.length() > MAX_LENGTH) {
            throw new InvalidBlobKeyException(key, "must have 1 to " + MAX_LENGTH + " characters");
        }
        for (String segment : key.split("/", -1)) {
            if (!SEGMENT.matcher(segment).matches()) {
                throw new InvalidBlobKeyException(
                        key, "must be a relative path of segments of letters, digits, '_-=.', not starting with '.'");
            }
        }
        return key;
    }

    /**
     * The file of {@code key} below {@code root}. Besides the key rules, the normalised result is checked to lie
     * strictly below the root, so a rule gap could never reach outside it.
     */
    public static Path resolveUnder(Path root, String key) {
        requireValid(key);
        Path base = root.toAbsolutePath().normalize();
        Path file = base.resolve(key).normalize();
        if (!file.startsWith(base) || file.equals(base)) {
            throw new InvalidBlobKeyException(key, "leaves the blob root");
        }
        return file;
    }

    /** A blob key that breaks the rules; never retried, the key will not get better. */
    public static final class InvalidBlobKeyException extends IllegalArgumentException {
        InvalidBlobKeyException(String key, String rule) {
            super("blob key '" + abbreviate(key) + "' " + rule);
        }

        private static String abbreviate(String key) {
            return key.length() > 80 ? key.substring(0, 80) + "..." : key;
        }
    }
}
