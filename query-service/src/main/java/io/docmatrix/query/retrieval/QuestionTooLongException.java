package io.docmatrix.query.retrieval;

/** The question is longer than the embedding model reads; embedding it would silently ignore the rest. */
public class QuestionTooLongException extends RuntimeException {

    public QuestionTooLongException(int tokens, int maxTokens) {
        super("The question has " + tokens + " tokens; at most " + maxTokens + " are read.");
    }
}
