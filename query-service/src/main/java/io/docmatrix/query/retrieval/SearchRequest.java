package io.docmatrix.query.retrieval;

import java.util.List;
import java.util.UUID;

/** One search: the question, an optional set of documents to search in (empty: all), filters, size and mode. */
public record SearchRequest(
        String question, List<UUID> documentIds, SearchFilters filters, int topK, RetrievalMode mode) {}
