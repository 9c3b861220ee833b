package io.docmatrix.analysis.clause;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A tenant's learned exemplars. Every operation is confined to one tenant. */
public interface ClauseExemplarRepository {

    /** Stores the exemplars, skipping any the tenant already has (same category and text); returns how many were new. */
    int add(UUID tenantId, String modelId, List<NewExemplar> exemplars);

    /** The tenant's exemplars embedded by {@code modelId}: vectors of another model are not comparable. */
    List<Exemplar> forTenant(UUID tenantId, String modelId);

    /** Deletes all of the tenant's learned exemplars; returns how many there were. */
    int clear(UUID tenantId);

    /** Learned exemplars per category. */
    Map<String, Integer> countByCategory(UUID tenantId);
}
