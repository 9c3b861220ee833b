package io.docmatrix.runtime.messaging;

import java.util.UUID;
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
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException(
                    "processed events are recorded in the transaction of the effect they guard");
        }
        // ON CONFLICT DO NOTHING rather than a select first: two instances racing on one redelivered event both
        // insert, exactly one of them gets a row count of 1, and the other waits for it on the primary key.
        int inserted = jdbc.update(
                "INSERT INTO processed_event (consumer, event_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
                consumer,
                eventId);
        return inserted == 1;
    }
}
