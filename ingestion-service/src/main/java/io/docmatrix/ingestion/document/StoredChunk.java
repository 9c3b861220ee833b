package io.docmatrix.ingestion.document;

import java.util.List;
import java.util.UUID;

/**
 * A chunk as stored and served: its text, where it sits in the extracted text ({@code start} inclusive, {@code end}
 * exclusive, in UTF-16 characters), its page span (1-based, inclusive) and the headings above it.
 */
public record StoredChunk(
        UUID id,
        UUID documentId,
        int version,
        int ordinal,
        String text,
        int page,
        int pageEnd,
        int start,
        int end,
        List<String> headingPath,
        int tokenCount,
        String embeddingModel) {

    public StoredChunk {
        headingPath = List.copyOf(headingPath);
    }
}
