package io.docmatrix.runtime.testing;

import io.docmatrix.contracts.DomainEvent;
import io.docmatrix.runtime.outbox.OutboxWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * An in-memory {@link OutboxWriter} for unit tests of producers: it records what would have been published. It does
 * not check for a transaction; the real writer's refusal outside one is covered by service-runtime's own tests.
 */
public final class RecordingOutboxWriter implements OutboxWriter {

    private final List<DomainEvent> appended = new ArrayList<>();

    @Override
    public synchronized void append(DomainEvent event) {
        appended.add(event);
    }

    @Override
    public synchronized void appendAll(List<? extends DomainEvent> events) {
        appended.addAll(events);
    }

    /** Everything appended so far, in order. */
    public synchronized List<DomainEvent> appended() {
        return List.copyOf(appended);
    }

    /** The appended events of one type, in order. */
    public synchronized <E extends DomainEvent> List<E> appended(Class<E> type) {
        return appended.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
