package io.docmatrix.query.answer;

import io.docmatrix.query.retrieval.RetrievalMode;
import io.docmatrix.query.retrieval.SearchFilters;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A validated question of one caller.
 *
 * @param documentIds the documents to answer from; empty means all of the tenant's searchable documents
 * @param conversationId the conversation to continue, or null to start one
 * @param useCache false to neither read nor write the answer cache for this question (benchmarks measure the work)
 */
public record AnswerQuery(
        String question,
        List<UUID> documentIds,
        SearchFilters filters,
        int topK,
        RetrievalMode mode,
        @Nullable UUID conversationId,
        boolean useCache) {

    public AnswerQuery {
        documentIds = List.copyOf(documentIds);
    }

    /** A question that may be answered from, and goes into, the answer cache. */
    public AnswerQuery(
            String question,
            List<UUID> documentIds,
            SearchFilters filters,
            int topK,
            RetrievalMode mode,
            @Nullable UUID conversationId) {
        this(question, documentIds, filters, topK, mode, conversationId, true);
    }
}
