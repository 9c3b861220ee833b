package io.docmatrix.embedding;

import java.util.List;

/** Embeds texts that fit the model's input limit into L2-normalized vectors (cosine similarity = dot product). */
public interface EmbeddingModel extends Tokenizer {

    /** A stable identifier stored with every vector, e.g. {@code all-minilm-l6-v2-q}. */
    String modelId();

    int dimension();

    /**
     * One vector per text, in order.
     *
     * @throws IllegalArgumentException if a text is longer than {@link #maxTokens()}: it would be cut silently
     * @throws EmbeddingFailedException if the model could not embed the texts (remote endpoint down, bad answer)
     */
    List<float[]> embed(List<String> texts);

    /** As {@link #embed(List)}, each vector recorded with this model's id and dimension. */
    default List<Embedding> embedRecorded(List<String> texts) {
        return embed(texts).stream()
                .map(vector -> new Embedding(modelId(), dimension(), vector))
                .toList();
    }
}
