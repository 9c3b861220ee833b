package io.docmatrix.analysis.clause;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** The learned-exemplar store in memory, for unit tests and the evaluation (which learns as the API would). */
final class InMemoryClauseExemplars implements ClauseExemplarRepository {

    private record Stored(String modelId, String category, String text, float[] vector) {}

    private final Map<UUID, Map<String, Stored>> byTenant = new ConcurrentHashMap<>();

    @Override
    public int add(UUID tenantId, String modelId, List<NewExemplar> exemplars) {
        Map<String, Stored> stored = byTenant.computeIfAbsent(tenantId, t -> new LinkedHashMap<>());
        int added = 0;
        for (NewExemplar e : exemplars) {
            if (stored.putIfAbsent(
                            e.category() + "\u0000" + e.text(), new Stored(modelId, e.category(), e.text(), e.vector()))
                    == null) {
                added++;
            }
        }
        return added;
    }

    @Override
    public List<Exemplar> forTenant(UUID tenantId, String modelId) {
        List<Exemplar> out = new ArrayList<>();
        for (Stored s : byTenant.getOrDefault(tenantId, Map.of()).values()) {
            if (s.modelId().equals(modelId)) {
                out.add(new Exemplar(s.category(), s.vector()));
            }
        }
        return out;
    }

    @Override
    public int clear(UUID tenantId) {
        Map<String, Stored> removed = byTenant.remove(tenantId);
        return removed == null ? 0 : removed.size();
    }

    @Override
    public Map<String, Integer> countByCategory(UUID tenantId) {
        Map<String, Integer> counts = new TreeMap<>();
        byTenant.getOrDefault(tenantId, Map.of()).values().forEach(s -> counts.merge(s.category(), 1, Integer::sum));
        return counts;
    }
}
