package io.docmatrix.query.retrieval;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A chunk of a searchable document version, as found for a question.
 *
 * @param page the page the chunk starts on, from 1; {@code pageEnd} the page it ends on
 * @param start offset of the chunk in the version's extracted text (UTF-16 characters); {@code end} exclusive
 * @param title the document's title, else its file name
 * @param score higher is better: cosine similarity (vector), ts_rank_cd (text) or the fused RRF score (hybrid)
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
        double score) {

    public RetrievedChunk {
        headingPath = List.copyOf(headingPath);
    }

    public RetrievedChunk withScore(double newScore) {
        return new RetrievedChunk(
                documentId, version, chunkId, text, page, pageEnd, start, end, headingPath, title, newScore);
    }
}
