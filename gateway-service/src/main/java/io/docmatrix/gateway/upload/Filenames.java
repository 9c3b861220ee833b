package io.docmatrix.gateway.upload;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import org.jspecify.annotations.Nullable;

/**
 * Client file names are display names only, never storage paths. Normalising them removes what could mislead a person
 * or a tool that shows them: directory parts, control characters, bidirectional overrides that make {@code exe.pdf}
 * look like {@code fdp.exe}, and excessive length.
 */
public final class Filenames {

    static final int MAX_BYTES = 255;
    static final String FALLBACK = "document";

    private Filenames() {}

    public static String normalize(@Nullable String raw) {
        if (raw == null) {
            return FALLBACK;
        }
        String name = Normalizer.normalize(raw, Normalizer.Form.NFC);
        // Keep only the last path segment, whatever separator the client's system uses.
        int cut = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        name = name.substring(cut + 1);
        StringBuilder clean = new StringBuilder(name.length());
        name.codePoints().filter(cp -> !unsafe(cp)).forEach(clean::appendCodePoint);
        String result = clean.toString().strip();
        while (result.startsWith(".")) {
            result = result.substring(1);
        }
        result = truncateToBytes(result.strip(), MAX_BYTES);
        return result.isEmpty() ? FALLBACK : result;
    }

    /** The extension in lower case without the dot, or empty. */
    public static String extension(String normalized) {
        int dot = normalized.lastIndexOf('.');
        return dot < 0 ? "" : normalized.substring(dot + 1).toLowerCase(java.util.Locale.ROOT);
    }

    private static boolean unsafe(int cp) {
        return Character.isISOControl(cp)
                || cp == 0x7F
                // bidirectional embeddings, overrides and isolates, and the implicit marks
                || (cp >= 0x202A && cp <= 0x202E)
                || (cp >= 0x2066 && cp <= 0x2069)
                || cp == 0x200E
                || cp == 0x200F
                || cp == 0x061C
                // zero-width characters that hide text
                || (cp >= 0x200B && cp <= 0x200D)
                || cp == 0xFEFF
                || Character.getType(cp) == Character.PRIVATE_USE
                || Character.getType(cp) == Character.SURROGATE
                || Character.getType(cp) == Character.UNASSIGNED;
    }

    private static String truncateToBytes(String name, int maxBytes) {
        if (name.getBytes(StandardCharsets.UTF_8).length <= maxBytes) {
            return name;
        }
        String extension = extension(name);
        String suffix = extension.isEmpty() || extension.length() > 16 ? "" : "." + extension;
        StringBuilder kept = new StringBuilder();
        int budget = maxBytes - suffix.getBytes(StandardCharsets.UTF_8).length;
        int used = 0;
        for (int i = 0; i < name.length(); ) {
            int cp = name.codePointAt(i);
            int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (used + size > budget) {
                break;
            }
            kept.appendCodePoint(cp);
            used += size;
            i += Character.charCount(cp);
        }
        return kept + suffix;
    }
}
