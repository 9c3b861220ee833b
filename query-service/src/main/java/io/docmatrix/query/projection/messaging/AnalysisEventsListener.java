package io.docmatrix.query.projection.messaging;

import io.docmatrix.contracts.Topics;
import io.docmatrix.contracts.analysis.AnalysisEvent;
import io.docmatrix.query.projection.DocumentProjection;
import io.docmatrix.runtime.messaging.InboundEvents;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Analysis results (risk score, clause categories) into the projection, for filtering and display. */
@Component
class AnalysisEventsListener {

    private final DocumentProjection projection;

    AnalysisEventsListener(DocumentProjection projection) {
        this.projection = projection;
    }

    @KafkaListener(topics = Topics.ANALYSIS_RESULTS)
    void on(ConsumerRecord<String, byte[]> record) {
        projection.apply(InboundEvents.decode(record, AnalysisEvent.class));
    }
}
