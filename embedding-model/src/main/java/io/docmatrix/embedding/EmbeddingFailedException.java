package io.docmatrix.embedding;

/** Embedding failed for a reason the caller may retry later (endpoint down, circuit open, malformed answer). */
public class EmbeddingFailedException extends RuntimeException {

    public EmbeddingFailedException(String message) {
        super(message);
    }

    public EmbeddingFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
