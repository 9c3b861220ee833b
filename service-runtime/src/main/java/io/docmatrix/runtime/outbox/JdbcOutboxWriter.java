package io.docmatrix.runtime.outbox;

import io.docmatrix.contracts.DomainEvent;
import io.docmatrix.contracts.EventCatalog;
import io.docmatrix.runtime.messaging.EventJson;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** {@link OutboxWriter} over the {@code outbox} table; one row per event, its columns mirror the Kafka record. */
final class JdbcOutboxWriter implements OutboxWriter {

    static final String OUTSIDE_TRANSACTION = "events are written in the transaction of the state they describe";

    private static final ClassValue<Optional<Method>> TENANT_ID = new ClassValue<>() {
        @Override
        protected Optional<Method> computeValue(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            if (components == null) {
                return Optional.empty();
            }
            for (RecordComponent component : components) {
                if (component.getName().equals("tenantId")) {
                    return Optional.of(component.getAccessor());
                }
            }
            return Optional.empty();
        }
    };

    private final JdbcOperations jdbc;
    private final String insert;
    private final TraceContext trace;

    JdbcOutboxWriter(JdbcOperations jdbc, String qualifiedTable, TraceContext trace) {
        this.jdbc = jdbc;
        this.trace = trace;
        this.insert = "INSERT INTO " + qualifiedTable
                + " (id, aggregatetype, aggregateid, type, payload, ce_source, ce_time, ce_tenantid, traceparent)"
                + " VALUES (?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?)";
    }

    @Override
    public void append(DomainEvent event) {
        requireTransaction();
        jdbc.update(insert, row(event, trace.traceparent()));
    }

    @Override
    public void appendAll(List<? extends DomainEvent> events) {
        requireTransaction();
        if (events.isEmpty()) {
            return;
        }
        String traceparent = trace.traceparent();
        List<Object[]> rows = new ArrayList<>(events.size());
        for (DomainEvent event : events) {
            rows.add(row(event, traceparent));
        }
        jdbc.batchUpdate(insert, rows);
    }

    private static void requireTransaction() {
        // Checked before anything is written: outside a transaction the row would commit on its own, and a failure
        // of the state change after it would publish a fact that never happened.
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException(OUTSIDE_TRANSACTION);
        }
    }

    private static Object[] row(DomainEvent event, @Nullable String traceparent) {
        EventCatalog.Entry entry = EventCatalog.of(event);
        return new Object[] {
            event.eventId(),
            entry.topic(),
            event.aggregateId(),
            entry.type(),
            EventJson.mapper().writeValueAsString(event),
            entry.source(),
            event.occurredAt().toString(),
            tenantId(event),
            traceparent
        };
    }

    /** The {@code tenantId} record component, if the event has one; null where the event names no known tenant. */
    static @Nullable String tenantId(DomainEvent event) {
        Optional<Method> accessor = TENANT_ID.get(event.getClass());
        if (accessor.isEmpty()) {
            return null;
        }
        try {
            Object value = accessor.get().invoke(event);
            return value == null ? null : value.toString();
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException(
                    "cannot read tenantId of " + event.getClass().getName(), e);
        }
    }
}
