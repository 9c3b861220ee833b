package io.docmatrix.query.answer;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** An in-memory {@link AnswerCache} for tests of the answer service. */
final class InMemoryAnswerCache implements AnswerCache {

    private record Entry(List<UUID> scope, Answer answer) {}

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    @Override
    public Lookup find(UUID tenantId, String key) {
        return new Lookup(Optional.ofNullable(entries.get(tenantId + "/" + key)).map(Entry::answer), 0);
    }

    @Override
    public void put(UUID tenantId, String key, List<UUID> scope, Answer answer, long generation) {
        entries.put(tenantId + "/" + key, new Entry(scope, answer));
    }

    @Override
    public void evict(UUID tenantId, UUID documentId) {
        entries.entrySet()
                .removeIf(e -> e.getKey().startsWith(tenantId + "/")
                        && (e.getValue().scope().isEmpty()
                                || e.getValue().scope().contains(documentId)));
    }

    int size() {
        return entries.size();
    }
}
