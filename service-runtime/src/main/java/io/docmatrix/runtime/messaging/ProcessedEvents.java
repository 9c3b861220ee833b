package io.docmatrix.runtime.messaging;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

/**
 * The event ids a consumer has already applied, in the {@code processed_event} table of its own database. Delivery is
 * at least once, so every listener with a durable effect checks here first, in the same transaction as the effect:
 * either both commit or neither does, and a redelivered event is skipped.
 *
 * <pre>{@code
 * @Transactional
 * void apply(ChunkEmbedded chunk) {
 *     if (!processedEvents.markIfFirst("query-service", chunk.eventId())) {
 *         return; // a redelivery: its effect is already committed
 *     }
 *     chunks.save(ChunkRow.from(chunk));
 * }
 * }</pre>
 */
public interface ProcessedEvents {

    /**
     * Records that the consumer processed the event, unless it already had.
     *
     * @param consumer the consumer's name, normally the service name (which is also its consumer group)
     * @return {@code true} if this is the first time, so the caller applies the effect; {@code false} for a duplicate
     * @throws IllegalStateException outside a transaction, where the mark and the effect could part
     */
    boolean markIfFirst(String consumer, UUID eventId);

    /**
     * Records a batch of events in one go, for consumers that apply a whole poll in one transaction.
     *
     * @return the ids seen for the first time (a subset of {@code eventIds}), whose effects the caller applies; an id
     *     listed twice is returned once
     * @throws IllegalStateException outside a transaction, where the marks and the effects could part
     */
    default Set<UUID> markAllIfFirst(String consumer, Collection<UUID> eventIds) {
        Set<UUID> first = new LinkedHashSet<>();
        for (UUID eventId : eventIds) {
            if (markIfFirst(consumer, eventId)) {
                first.add(eventId);
            }
        }
        return first;
    }
}
