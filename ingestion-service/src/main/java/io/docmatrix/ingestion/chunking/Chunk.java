package io.docmatrix.ingestion.chunking;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A piece of a document to embed and retrieve.
 *
 * @param ordinal position in the document, from 0
 * @param text exactly {@code extractedText.substring(start, end)}
 * @param start offset of the first character in the extracted text
 * @param end offset after the last character (exclusive)
 * @param page page of the first character (1-based)
 * @param pageEnd page of the last character
 * @param headingPath enclosing headings, outermost first, e.g. {@code [ARTICLE 4 TERMINATION, 4.2 Termination...]}
 * @param tokenCount tokens of {@link #embeddingText()} in the embedding model's tokenizer, special tokens included
 * @param tableHeader for a part of a table split by rows: the header row, repeated so every part is readable alone
 */
public record Chunk(
        int ordinal,
        String text,
        int start,
        int end,
        int page,
        int pageEnd,
        List<String> headingPath,
        int tokenCount,
        @Nullable String tableHeader) {

    public Chunk {
        headingPath = List.copyOf(headingPath);
    }

    /** What to embed: the text, preceded by the table header for a part of a split table. */
    public String embeddingText() {
        return tableHeader == null ? text : tableHeader + "\n" + text;
    }
}
