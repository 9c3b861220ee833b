package io.docmatrix.query.retrieval;

import java.util.List;
import java.util.UUID;

/**
 * One search of the caller's tenant.
 *
 * @param question the natural-language question
 * @param documentIds only chunks of these documents; empty for all of the tenant's documents
 * @param filters metadata restrictions
 * @param topK how many chunks to return, best first
 * @param mode how candidates are found
 */
public record SearchRequest(
        String question, List<UUID> documentIds, SearchFilters filters, int topK, RetrievalMode mode) {

    public SearchRequest {
        documentIds = documentIds == null ? List.of() : List.copyOf(documentIds);
        filters = filters == null ? SearchFilters.none() : filters;
        mode = mode == null ? RetrievalMode.HYBRID : mode;
    }
}
