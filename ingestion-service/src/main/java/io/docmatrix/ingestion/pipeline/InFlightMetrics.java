package io.docmatrix.ingestion.pipeline;

import io.docmatrix.ingestion.config.IngestionProperties;
import io.docmatrix.ingestion.document.DocumentQueries;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Documents by in-flight status and the number stuck beyond {@code ingestion.stuck-after} (the SLO), refreshed on a
 * schedule so a Prometheus scrape never runs a query. Stuck documents are what an operator is alerted on: the lease
 * sweep retries or fails them, so a growing count means workers are missing or overloaded.
 */
@Component
class InFlightMetrics {

    private static final Logger log = LoggerFactory.getLogger(InFlightMetrics.class);

    private final DocumentQueries documents;
    private final IngestionProperties properties;
    private final AtomicReference<DocumentQueries.InFlight> last =
            new AtomicReference<>(new DocumentQueries.InFlight(0, 0, 0, 0));

    InFlightMetrics(DocumentQueries documents, IngestionProperties properties, MeterRegistry meters) {
        this.documents = documents;
        this.properties = properties;
        Gauge.builder("docmatrix.ingestion.documents.in.flight", last, l -> l.get()
                        .received())
                .tag("status", "RECEIVED")
                .register(meters);
        Gauge.builder("docmatrix.ingestion.documents.in.flight", last, l -> l.get()
                        .parsing())
                .tag("status", "PARSING")
                .register(meters);
        Gauge.builder("docmatrix.ingestion.documents.in.flight", last, l -> l.get()
                        .embedding())
                .tag("status", "EMBEDDING")
                .register(meters);
        Gauge.builder("docmatrix.ingestion.documents.stuck", last, l -> l.get().stuck())
                .description("Documents in a non-final state for longer than ingestion.stuck-after")
                .register(meters);
    }

    @Scheduled(fixedDelayString = "${ingestion.metrics-refresh:15s}")
    void refresh() {
        try {
            last.set(documents.inFlight(properties.stuckAfter()));
        } catch (RuntimeException e) {
            log.debug("Could not refresh the in-flight document counts", e);
        }
    }
}
