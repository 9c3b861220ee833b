package io.docmatrix.ingestion.document;

import java.util.List;

/**
 * A chunk ready to be stored and announced: its place in the extracted text and its embedding.
 *
 * @param vector the embedding, L2-normalised, of {@code dimension} floats
 */
public record NewChunk(
        int ordinal,
        String text,
        int page,
        int pageEnd,
        int start,
        int end,
        List<String> headingPath,
        int tokenCount,
        float[] vector) {

    public NewChunk {
        headingPath = List.copyOf(headingPath);
        vector = vector.clone();
    }

    @Override
    public float[] vector() {
        return vector.clone();
    }
}
