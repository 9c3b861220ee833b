package io.docmatrix.runtime.testing;

import io.docmatrix.runtime.messaging.ProcessedEvents;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** An in-memory {@link ProcessedEvents} for unit tests of consumers; no transaction required. */
public final class InMemoryProcessedEvents implements ProcessedEvents {

    private final Set<String> marks = ConcurrentHashMap.newKeySet();

    @Override
    public boolean markIfFirst(String consumer, UUID eventId) {
        return marks.add(consumer + "/" + eventId);
    }
}
