package io.docmatrix.query.answer;

/** No retriever is deployed in this process, so no question can be answered. */
public class RetrievalUnavailableException extends RuntimeException {

    public RetrievalUnavailableException() {
        super("Retrieval is not available");
    }
}
