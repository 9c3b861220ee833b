package io.docmatrix.runtime.messaging;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** {@link ProcessedEvents} over the {@code processed_event} table every consumer service's Flyway V1 creates. */
final class JdbcProcessedEvents implements ProcessedEvents {

    private final JdbcOperations jdbc;

    JdbcProcessedEvents(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean markIfFirst(String consumer, UUID eventId) {
        requireTransaction();
        // ON CONFLICT DO NOTHING rather than a select first: two instances racing on one redelivered event both
        // insert, exactly one of them gets a row count of 1, and the other waits for it on the primary key.
        int inserted = jdbc.update(
                "INSERT INTO processed_event (consumer, event_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
                consumer,
                eventId);
        return inserted == 1;
    }

    @Override
    public Set<UUID> markAllIfFirst(String consumer, Collection<UUID> eventIds) {
        requireTransaction();
        if (eventIds.isEmpty()) {
            return Set.of();
        }
        // Sorted: two instances marking overlapping batches take the key locks in the same order and cannot deadlock.
        UUID[] sorted = new TreeSet<>(eventIds).toArray(UUID[]::new);
        Set<UUID> first = new HashSet<>();
        jdbc.execute((ConnectionCallback<Void>) connection -> {
            Array ids = connection.createArrayOf("uuid", sorted);
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO processed_event (consumer, event_id) SELECT ?, unnest(?::uuid[])"
                            + " ON CONFLICT DO NOTHING RETURNING event_id")) {
                insert.setString(1, consumer);
                insert.setArray(2, ids);
                try (ResultSet rows = insert.executeQuery()) {
                    while (rows.next()) {
                        first.add(rows.getObject(1, UUID.class));
                    }
                }
            } finally {
                ids.free();
            }
            return null;
        });
        return first;
    }

    private static void requireTransaction() {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException(
                    "processed events are recorded in the transaction of the effect they guard");
        }
    }
}
