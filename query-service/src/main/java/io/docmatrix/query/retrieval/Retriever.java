package io.docmatrix.query.retrieval;

import java.util.List;
import java.util.UUID;

/** Finds the chunks of one tenant's searchable documents that best match a request, best first. */
public interface Retriever {

    List<RetrievedChunk> retrieve(UUID tenantId, SearchRequest request);
}
