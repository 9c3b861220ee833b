package io.docmatrix.runtime.outbox;

import io.docmatrix.contracts.DomainEvent;
import java.util.List;

/**
 * The only way a DocMatrix service publishes events: it appends them to its {@code outbox} table in the same database
 * transaction as the state change they describe, and the outbox relay sends them once that transaction commits. A
 * rolled-back transaction therefore publishes nothing, and a committed one cannot lose its events.
 *
 * <pre>{@code
 * @Transactional
 * void receive(DocumentUploaded upload) {
 *     Document document = documents.save(Document.received(upload));
 *     outbox.append(DocumentEvents.received(document, clock));
 * }
 * }</pre>
 */
public interface OutboxWriter {

    /**
     * Appends one event; it is sent to the topic {@link io.docmatrix.contracts.EventCatalog} registers for its type,
     * keyed by its aggregate id.
     *
     * @throws IllegalStateException outside an active transaction: events are never saved and sent separately
     * @throws IllegalArgumentException if the event's class is not in the catalogue
     */
    void append(DomainEvent event);

    /** Appends the events in order; consumers see them in this order per aggregate. */
    void appendAll(List<? extends DomainEvent> events);
}
