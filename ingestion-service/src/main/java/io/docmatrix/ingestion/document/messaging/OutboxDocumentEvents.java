package io.docmatrix.ingestion.document.messaging;

import io.docmatrix.contracts.DomainEvent;
import io.docmatrix.ingestion.document.DocumentEvents;
import io.docmatrix.runtime.outbox.OutboxWriter;
import java.util.List;
import org.springframework.stereotype.Component;

/** Lifecycle and chunk events leave through the outbox, in the transaction of the state change they describe. */
@Component
class OutboxDocumentEvents implements DocumentEvents {

    private final OutboxWriter outbox;

    OutboxDocumentEvents(OutboxWriter outbox) {
        this.outbox = outbox;
    }

    @Override
    public void publish(DomainEvent event) {
        outbox.append(event);
    }

    @Override
    public void publishAll(List<? extends DomainEvent> events) {
        outbox.appendAll(events);
    }
}
