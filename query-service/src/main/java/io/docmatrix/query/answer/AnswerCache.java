package io.docmatrix.query.answer;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Answers already given, per tenant, until the documents they were computed over change. Each tenant has a generation
 * that every eviction advances: an answer computed while an eviction happened (it read the corpus before the change)
 * is not stored, so a slow request can never put back what the eviction removed.
 */
public interface AnswerCache {

    /** A cached answer, if any, and the tenant's generation to hand back to {@link #put}. */
    record Lookup(Optional<Answer> answer, long generation) {}

    Lookup find(UUID tenantId, String key);

    /**
     * Stores the answer unless the tenant's generation moved on since {@code generation} was read.
     *
     * @param scope the documents the answer was computed over; empty when it was all of the tenant's documents
     */
    void put(UUID tenantId, String key, List<UUID> scope, Answer answer, long generation);

    /** Forgets the tenant's answers computed over this document or over all documents. */
    void evict(UUID tenantId, UUID documentId);
}
