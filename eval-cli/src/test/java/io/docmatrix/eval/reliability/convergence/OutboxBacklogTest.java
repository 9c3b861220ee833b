package io.docmatrix.eval.reliability.convergence;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OutboxBacklogTest {

    @Test
    void sumsTheBacklogOfEverySlot() {
        String exposition =
                """
                # HELP docmatrix_outbox_backlog Outbox rows written after the newest event Kafka acknowledged
                # TYPE docmatrix_outbox_backlog gauge
                docmatrix_outbox_backlog{application="ingestion-service",slot="ingestion_outbox"} 3.0
                docmatrix_outbox_backlog{application="ingestion-service",slot="other"} 2.0
                docmatrix_outbox_slot_lag_bytes{slot="ingestion_outbox"} 5000.0
                """;

        assertThat(OutboxBacklog.parse(exposition)).isEqualTo(5);
    }

    @Test
    void acceptsOnlyTheServicesSharedGroups() {
        assertThat(ConsumerLag.SERVICE_GROUP.matcher("query-service").matches()).isTrue();
        assertThat(ConsumerLag.SERVICE_GROUP
                        .matcher("gateway-service.lifecycle")
                        .matches())
                .isTrue();
        assertThat(ConsumerLag.SERVICE_GROUP
                        .matcher("query-service-7f3a2c1e-instance")
                        .matches())
                .isFalse();
    }
}
