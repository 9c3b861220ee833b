package io.docmatrix.embedding;

/**
 * A vector with the model that produced it: vectors of different models (or dimensions) are never comparable, so
 * storage and search must always know both.
 */
public record Embedding(String modelId, int dimension, float[] vector) {

    public Embedding {
        if (vector.length != dimension) {
            throw new IllegalArgumentException("vector has " + vector.length + " dimensions, expected " + dimension);
        }
    }
}
