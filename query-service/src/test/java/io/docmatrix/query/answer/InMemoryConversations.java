package io.docmatrix.query.answer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** In-memory {@link Conversations} for tests of the answer service. */
final class InMemoryConversations implements Conversations {

    private record Owner(UUID tenantId, String subject) {}

    private final Map<UUID, Owner> owners = new ConcurrentHashMap<>();
    private final Map<UUID, List<Turn>> turns = new ConcurrentHashMap<>();

    @Override
    public Optional<List<Turn>> recent(UUID tenantId, String subject, UUID conversationId, int limit) {
        if (!new Owner(tenantId, subject).equals(owners.get(conversationId))) {
            return Optional.empty();
        }
        List<Turn> all = turns.get(conversationId);
        return Optional.of(List.copyOf(all.subList(Math.max(0, all.size() - limit), all.size())));
    }

    @Override
    public UUID start(UUID tenantId, String subject) {
        UUID id = UUID.randomUUID();
        owners.put(id, new Owner(tenantId, subject));
        turns.put(id, new ArrayList<>());
        return id;
    }

    @Override
    public void append(UUID tenantId, String subject, UUID conversationId, Turn turn, int keep) {
        List<Turn> list = turns.get(conversationId);
        list.add(turn);
        while (list.size() > keep) {
            list.remove(0);
        }
    }
}
