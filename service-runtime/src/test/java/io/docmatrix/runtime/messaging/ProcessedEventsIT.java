package io.docmatrix.runtime.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The processed-event marks against the real PostgreSQL, in a throwaway schema. */
class ProcessedEventsIT {

    private static final String SCHEMA = "processed_events_it_"
            + UUID.randomUUID().toString().replace("-", "").substring(0, 10);

    private static HikariDataSource dataSource;
    private static JdbcTemplate jdbc;
    private static TransactionTemplate transaction;
    private static ProcessedEvents processedEvents;

    @BeforeAll
    static void createSchema() {
        String host = System.getenv().getOrDefault("DOCMATRIX_TEST_PG_HOST", "127.0.0.1");
        String port = System.getenv().getOrDefault("DOCMATRIX_TEST_PG_PORT", "5433");
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(
                "jdbc:postgresql://" + host + ":" + port + "/docmatrix_ingestion_test?currentSchema=" + SCHEMA);
        config.setUsername("docmatrix_test");
        config.setMaximumPoolSize(2);
        dataSource = new HikariDataSource(config);
        jdbc = new JdbcTemplate(dataSource);
        jdbc.execute("CREATE SCHEMA " + SCHEMA);
        jdbc.execute("CREATE TABLE " + SCHEMA + ".processed_event (consumer text NOT NULL, event_id uuid NOT NULL,"
                + " processed_at timestamptz NOT NULL DEFAULT now(), PRIMARY KEY (consumer, event_id))");
        transaction = new TransactionTemplate(new JdbcTransactionManager(dataSource));
        processedEvents = new JdbcProcessedEvents(jdbc);
    }

    @AfterAll
    static void dropSchema() {
        try {
            jdbc.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
        } finally {
            dataSource.close();
        }
    }

    @Test
    void reportsTheFirstDeliveryOfAnEventAsNewAndARedeliveryAsDuplicate() {
        UUID eventId = UUID.randomUUID();

        Boolean first = transaction.execute(status -> processedEvents.markIfFirst("query-service", eventId));
        Boolean again = transaction.execute(status -> processedEvents.markIfFirst("query-service", eventId));

        assertThat(first).isTrue();
        assertThat(again).isFalse();
    }

    @Test
    void keepsTheMarksOfDifferentConsumersApart() {
        UUID eventId = UUID.randomUUID();

        transaction.executeWithoutResult(status -> processedEvents.markIfFirst("query-service", eventId));
        Boolean other = transaction.execute(status -> processedEvents.markIfFirst("analysis-service", eventId));

        assertThat(other).isTrue();
    }

    @Test
    void forgetsTheMarkWhenTheEffectsTransactionRollsBack() {
        UUID eventId = UUID.randomUUID();

        transaction.executeWithoutResult(status -> {
            processedEvents.markIfFirst("query-service", eventId);
            status.setRollbackOnly();
        });
        Boolean retried = transaction.execute(status -> processedEvents.markIfFirst("query-service", eventId));

        assertThat(retried).isTrue();
    }

    @Test
    void marksABatchAndReportsOnlyTheEventsNotSeenBefore() {
        UUID seen = UUID.randomUUID();
        UUID fresh = UUID.randomUUID();
        UUID twice = UUID.randomUUID();
        transaction.executeWithoutResult(status -> processedEvents.markIfFirst("query-service", seen));

        Set<UUID> first = transaction.execute(
                status -> processedEvents.markAllIfFirst("query-service", List.of(seen, fresh, twice, twice)));
        Set<UUID> again =
                transaction.execute(status -> processedEvents.markAllIfFirst("query-service", List.of(fresh, twice)));

        assertThat(first).containsExactlyInAnyOrder(fresh, twice);
        assertThat(again).isEmpty();
    }

    @Test
    void refusesToMarkOutsideATransaction() {
        assertThatThrownBy(() -> processedEvents.markIfFirst("query-service", UUID.randomUUID()))
                .isInstanceOf(IllegalStateException.class);
    }
}
