package io.docmatrix.query.retrieval;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A chunk found by a search. {@code start}/{@code end} are the chunk's character offsets in the document's extracted
 * text and {@code text} is exactly that substring.
 */
public record RetrievedChunk(
        UUID documentId,
        int version,
        UUID chunkId,
        String text,
        int page,
        int pageEnd,
        int start,
        int end,
        List<String> headingPath,
        @Nullable String title,
        double score) {}
