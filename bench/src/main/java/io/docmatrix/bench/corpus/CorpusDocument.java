package io.docmatrix.bench.corpus;

import java.nio.charset.StandardCharsets;

/**
 * One document of a benchmark corpus.
 *
 * @param name the file name it is uploaded under
 * @param contentType what the bytes are
 * @param text the plain text (for the peer, which has no parser, and for the ceilings)
 * @param bytes what is uploaded
 */
public record CorpusDocument(String name, String contentType, String text, byte[] bytes) {

    static CorpusDocument plainText(String name, String text) {
        return new CorpusDocument(name, "text/plain", text, text.getBytes(StandardCharsets.UTF_8));
    }

    public int words() {
        return text.isBlank() ? 0 : text.strip().split("\\s+").length;
    }
}
