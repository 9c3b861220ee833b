package io.docmatrix.query.answer;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The recent turns of each user's conversations; a conversation belongs to one tenant and one user. */
public interface Conversations {

    /** The last {@code limit} turns, oldest first; empty when no such conversation exists for this tenant and user. */
    Optional<List<Turn>> recent(UUID tenantId, String subject, UUID conversationId, int limit);

    UUID start(UUID tenantId, String subject);

    /** Adds a turn and forgets all but the last {@code keep}. */
    void append(UUID tenantId, String subject, UUID conversationId, Turn turn, int keep);
}
