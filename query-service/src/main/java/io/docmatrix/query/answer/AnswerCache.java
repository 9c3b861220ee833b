package io.docmatrix.query.answer;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Answers already given, per tenant, until the documents they were computed over change. */
public interface AnswerCache {

    Optional<Answer> find(UUID tenantId, String key);

    /** @param scope the documents the answer was computed over; empty when it was all of the tenant's documents */
    void put(UUID tenantId, String key, List<UUID> scope, Answer answer);

    /** Forgets the tenant's answers computed over this document or over all documents. */
    void evict(UUID tenantId, UUID documentId);
}
