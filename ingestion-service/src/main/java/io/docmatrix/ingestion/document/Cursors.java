package io.docmatrix.ingestion.document;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * Opaque keyset cursors. A cursor names the last item of a page (never an offset), so pages stay stable while
 * documents are added; clients must treat it as an opaque string.
 */
public final class Cursors {

    private Cursors() {}

    /** Position in the newest-first document listing. */
    public record ListingPosition(Instant receivedAt, UUID id) {}

    public static String encode(ListingPosition position) {
        return encode("d:" + position.receivedAt() + "|" + position.id());
    }

    public static ListingPosition decodeListing(String cursor) {
        String raw = decode(cursor);
        if (!raw.startsWith("d:") || raw.indexOf('|') < 0) {
            throw new InvalidCursorException();
        }
        try {
            String[] parts = raw.substring(2).split("\\|", 2);
            return new ListingPosition(Instant.parse(parts[0]), UUID.fromString(parts[1]));
        } catch (RuntimeException e) {
            throw new InvalidCursorException();
        }
    }

    public static String encodeOrdinal(int ordinal) {
        return encode("c:" + ordinal);
    }

    public static int decodeOrdinal(String cursor) {
        String raw = decode(cursor);
        if (!raw.startsWith("c:")) {
            throw new InvalidCursorException();
        }
        try {
            return Integer.parseInt(raw.substring(2));
        } catch (NumberFormatException e) {
            throw new InvalidCursorException();
        }
    }

    private static String encode(String raw) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String cursor) {
        try {
            return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new InvalidCursorException();
        }
    }

    /** The client sent a cursor this service did not issue. */
    public static final class InvalidCursorException extends RuntimeException {
        InvalidCursorException() {
            super("the cursor is not one this service issued");
        }
    }
}
