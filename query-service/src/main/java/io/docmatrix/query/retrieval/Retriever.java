package io.docmatrix.query.retrieval;

import java.util.List;
import java.util.UUID;

/** Finds the chunks of a tenant's searchable documents that best answer a question. */
public interface Retriever {

    /**
     * At most {@code request.topK()} chunks, best first; only the tenant's documents, whatever ids the request names.
     *
     * @throws QuestionTooLongException if the question does not fit the embedding model's window
     */
    List<RetrievedChunk> retrieve(UUID tenantId, SearchRequest request);
}
