package io.docmatrix.query.retrieval;

import io.docmatrix.embedding.EmbeddingModel;
import java.util.List;

/**
 * Embeds questions with the model the chunks were embedded with. bge models were trained to put an instruction before
 * retrieval queries (not before passages); docs/ingestion.md measured it as a small gain, so it is applied here.
 */
public final class QuestionEmbedder {

    private final EmbeddingModel model;
    private final String instruction;

    public QuestionEmbedder(EmbeddingModel model, String instruction) {
        this.model = model;
        this.instruction = instruction;
    }

    /** The id stored with every chunk vector of this model; only those vectors are comparable with the question's. */
    public String modelId() {
        return model.modelId();
    }

    public int dimension() {
        return model.dimension();
    }

    /**
     * @throws QuestionTooLongException if the question does not fit the model's window
     */
    public float[] embed(String question) {
        String text = instruction + question;
        int tokens = model.countTokens(text);
        if (tokens > model.maxTokens()) {
            throw new QuestionTooLongException(tokens, model.maxTokens());
        }
        return model.embed(List.of(text)).get(0);
    }
}
