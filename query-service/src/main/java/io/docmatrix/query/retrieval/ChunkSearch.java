package io.docmatrix.query.retrieval;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Finds candidate chunks of one tenant's searchable document versions. */
public interface ChunkSearch {

    /** Both rankings the query asks for, each best first, read in one transaction bound to the tenant. */
    Candidates find(UUID tenantId, CandidateQuery query);

    /**
     * @param vector the question's vector, or null to skip the vector ranking
     * @param modelId only chunk vectors of this model are compared with {@code vector}
     * @param text the question for full-text ranking, or null to skip it
     * @param limit the most candidates per ranking
     */
    record CandidateQuery(
            float @Nullable [] vector,
            String modelId,
            @Nullable String text,
            List<UUID> documentIds,
            SearchFilters filters,
            int limit) {}

    /** The two rankings; a skipped one is empty. Scores are cosine similarity and ts_rank_cd. */
    record Candidates(List<RetrievedChunk> byVector, List<RetrievedChunk> byText) {}
}
