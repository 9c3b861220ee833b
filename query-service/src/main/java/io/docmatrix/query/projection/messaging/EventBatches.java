package io.docmatrix.query.projection.messaging;

import io.docmatrix.contracts.DomainEvent;
import io.docmatrix.runtime.messaging.InboundEvents;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.BatchListenerFailedException;

/**
 * Applies one poll of a topic as a batch while keeping the per-record error semantics of the shared error handler:
 * a record that does not decode, or whose effect fails, is reported by its index, so the records before it are
 * committed, it alone is retried and dead-lettered, and the records after it are polled again.
 *
 * <p>The fast path applies every decodable record in one transaction. If that transaction fails, the same records are
 * applied one by one, each in its own transaction, to find the record at fault; the effects are idempotent (event ids
 * are marked in the transaction of their effect), so records applied before the failure are not applied twice.
 */
final class EventBatches {

    private static final Logger log = LoggerFactory.getLogger(EventBatches.class);

    private EventBatches() {}

    static <E extends DomainEvent> void apply(
            List<ConsumerRecord<String, byte[]>> records,
            Class<E> stream,
            Consumer<List<E>> applyAll,
            Consumer<E> applyOne) {
        List<E> decoded = new ArrayList<>(records.size());
        RuntimeException poison = null;
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                decoded.add(InboundEvents.decode(record, stream));
            } catch (RuntimeException e) {
                poison = e;
                break;
            }
        }
        if (!decoded.isEmpty()) {
            try {
                applyAll.accept(decoded);
            } catch (RuntimeException batchFailure) {
                log.warn(
                        "Applying {} records of {} as one batch failed ({}); applying them one by one",
                        decoded.size(),
                        records.get(0).topic(),
                        batchFailure.toString());
                for (int i = 0; i < decoded.size(); i++) {
                    try {
                        applyOne.accept(decoded.get(i));
                    } catch (RuntimeException e) {
                        throw new BatchListenerFailedException(e.getMessage(), e, i);
                    }
                }
            }
        }
        if (poison != null) {
            throw new BatchListenerFailedException(poison.getMessage(), poison, decoded.size());
        }
    }
}
