package io.docmatrix.query.answer.persistence;

import io.docmatrix.query.answer.ConversationNotFoundException;
import io.docmatrix.query.answer.Conversations;
import io.docmatrix.query.answer.Turn;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Conversations in tables {@code conversation} and {@code conversation_turn}. A conversation is found only by its
 * owner: the tenant (row-level security and the predicate) and the user (the predicate).
 */
@Repository
class JdbcConversations implements Conversations {

    private final JdbcClient jdbc;
    private final TenantTransactions tenants;

    JdbcConversations(JdbcClient jdbc, TenantTransactions tenants) {
        this.jdbc = jdbc;
        this.tenants = tenants;
    }

    @Override
    public Optional<List<Turn>> recent(UUID tenantId, String subject, UUID conversationId, int limit) {
        return tenants.in(tenantId, () -> {
            boolean owned = jdbc.sql(
                                    "SELECT count(*) FROM conversation WHERE conversation_id = ? AND tenant_id = ? AND subject = ?")
                            .params(conversationId, tenantId, subject)
                            .query(Long.class)
                            .single()
                    > 0;
            if (!owned) {
                return Optional.empty();
            }
            List<Turn> turns = new ArrayList<>(jdbc.sql(
                            """
                            SELECT question, answer FROM conversation_turn
                            WHERE conversation_id = ? AND tenant_id = ? ORDER BY turn DESC LIMIT ?
                            """)
                    .params(conversationId, tenantId, limit)
                    .query((rs, n) -> new Turn(rs.getString("question"), rs.getString("answer")))
                    .list());
            Collections.reverse(turns);
            return Optional.of(turns);
        });
    }

    @Override
    public UUID start(UUID tenantId, String subject) {
        UUID id = UUID.randomUUID();
        tenants.run(tenantId, () -> jdbc.sql(
                        "INSERT INTO conversation (conversation_id, tenant_id, subject) VALUES (?, ?, ?)")
                .params(id, tenantId, subject)
                .update());
        return id;
    }

    @Override
    public void append(UUID tenantId, String subject, UUID conversationId, Turn turn, int keep) {
        tenants.run(tenantId, () -> {
            // the row lock orders concurrent turns of one conversation, so turn numbers never collide
            boolean owned = !jdbc.sql(
                            """
                            SELECT conversation_id FROM conversation
                            WHERE conversation_id = ? AND tenant_id = ? AND subject = ? FOR UPDATE
                            """)
                    .params(conversationId, tenantId, subject)
                    .query(UUID.class)
                    .list()
                    .isEmpty();
            if (!owned) {
                throw new ConversationNotFoundException();
            }
            int next = jdbc.sql("SELECT coalesce(max(turn), 0) + 1 FROM conversation_turn WHERE conversation_id = ?")
                    .param(conversationId)
                    .query(Integer.class)
                    .single();
            jdbc.sql(
                            """
                            INSERT INTO conversation_turn (conversation_id, turn, tenant_id, question, answer)
                            VALUES (?, ?, ?, ?, ?)
                            """)
                    .params(conversationId, next, tenantId, turn.question(), turn.answer())
                    .update();
            jdbc.sql("DELETE FROM conversation_turn WHERE conversation_id = ? AND turn <= ?")
                    .params(conversationId, next - keep)
                    .update();
            jdbc.sql("UPDATE conversation SET updated_at = now() WHERE conversation_id = ?")
                    .param(conversationId)
                    .update();
        });
    }
}
