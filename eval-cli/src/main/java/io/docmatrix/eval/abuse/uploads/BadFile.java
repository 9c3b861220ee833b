package io.docmatrix.eval.abuse.uploads;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One hostile upload.
 *
 * @param family what it attacks, e.g. {@code zip-bomb} or {@code filename}
 * @param name a short unique label for reports
 * @param filename the file name sent in the multipart part (may hold NUL, CRLF, bidi overrides, traversal)
 * @param partType the part's Content-Type as sent (may lie), or null for none
 * @param source makes the bytes when the file is sent (the full corpus holds several 50 MB files; made one at a
 *     time they fit the harness's heap)
 * @param expect what the platform must answer beyond "a final state or a clean refusal"
 * @param mustNotLeak strings that must never appear in the document's chunks (a local file's content an external
 *     entity would pull in, an attachment's text)
 * @param smoke part of the smoke profile's representative sample
 */
public record BadFile(
        String family,
        String name,
        String filename,
        @Nullable String partType,
        java.util.function.Supplier<byte[]> source,
        Expect expect,
        List<String> mustNotLeak,
        boolean smoke) {

    public byte[] content() {
        return source.get();
    }

    /** The specific answer a file requires, on top of the general rule. */
    public enum Expect {
        /** READY, FAILED with a code, or a 4xx problem with a code. */
        FINAL,
        /** Refused with 400 (e.g. an empty file). */
        REFUSED_400,
        /** Refused with 413: over the size limit. */
        REFUSED_413,
        /** Anything final but 413: exactly at the size limit is allowed. */
        NOT_TOO_LARGE
    }
}
