package io.docmatrix.contracts;

import java.time.Instant;
import java.util.UUID;

/**
 * A fact one service published on a Kafka topic. Every event record implements this through the sealed interface of
 * its stream ({@code UploadEvent}, {@code DocumentLifecycleEvent}, {@code ChunkEvent}, {@code AnalysisEvent},
 * {@code AuditEvent}); consumers switch over that stream interface, not over this one.
 *
 * <p>This interface is not sealed: Java only allows a sealed type to permit subtypes from other packages inside a named
 * module, and the contracts are used on the class path.
 */
public interface DomainEvent {

    /**
     * The unique id of this event, also sent as the {@code ce_id} header. Delivery is at least once, so consumers
     * record the ids they processed and drop duplicates by it.
     */
    UUID eventId();

    /** When the fact happened (UTC, at the writer), also sent as the {@code ce_time} header. */
    Instant occurredAt();

    /**
     * The id of the aggregate the event is about, as the Kafka record key and the {@code ce_subject} header: all events
     * of one aggregate go to one partition and are read in the order they were written.
     */
    String aggregateId();
}
