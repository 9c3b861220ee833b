package io.docmatrix.ingestion.document;

import io.docmatrix.contracts.DomainEvent;
import java.util.List;

/**
 * Where lifecycle and chunk events go. The implementation writes them to the outbox in the caller's transaction, so
 * an event exists exactly when the state change it describes was committed.
 */
public interface DocumentEvents {

    void publish(DomainEvent event);

    default void publishAll(List<? extends DomainEvent> events) {
        events.forEach(this::publish);
    }
}
