package io.docmatrix.runtime.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.docmatrix.contracts.EventHeaders;
import io.docmatrix.contracts.Topics;
import io.docmatrix.contracts.audit.LoginFailed;
import io.docmatrix.contracts.document.DocumentReceived;
import io.docmatrix.runtime.messaging.EventJson;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The writer against the real PostgreSQL, in a throwaway schema. */
class OutboxWriterIT {

    private static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    private static OutboxTestDatabase database;
    private static HikariDataSource dataSource;
    private static JdbcTemplate jdbc;
    private static TransactionTemplate transaction;
    private static OutboxWriter writer;

    @BeforeAll
    static void createSchema() {
        database = OutboxTestDatabase.create("outbox_writer_it");
        dataSource = OutboxTestDatabase.dataSource(OutboxTestDatabase.url(database.schema));
        jdbc = new JdbcTemplate(dataSource);
        transaction = new TransactionTemplate(new JdbcTransactionManager(dataSource));
        writer = new JdbcOutboxWriter(jdbc, database.schema + ".outbox", () -> TRACEPARENT);
    }

    @AfterAll
    static void dropSchema() {
        try {
            if (dataSource != null) {
                dataSource.close();
            }
        } finally {
            if (database != null) {
                database.drop();
            }
        }
    }

    @Test
    void refusesToWriteOutsideATransaction() {
        DocumentReceived event = TestEvents.documentReceived(UUID.randomUUID(), 1);

        assertThatThrownBy(() -> writer.append(event))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("events are written in the transaction of the state they describe");
        assertThatThrownBy(() -> writer.appendAll(List.of(event))).isInstanceOf(IllegalStateException.class);
        assertThat(rowsFor(event.eventId())).isEmpty();
    }

    @Test
    void writesOneRowThatMirrorsTheKafkaRecord() {
        DocumentReceived event = TestEvents.documentReceived(UUID.randomUUID(), 2);

        transaction.executeWithoutResult(status -> writer.append(event));

        Map<String, Object> row = rowsFor(event.eventId()).get(0);
        assertThat(row)
                .containsEntry("id", event.eventId())
                .containsEntry("aggregatetype", Topics.DOCUMENTS_LIFECYCLE)
                .containsEntry("aggregateid", event.documentId().toString())
                .containsEntry("type", "io.docmatrix.documents.DocumentReceived.v1")
                .containsEntry("ce_source", "/ingestion-service")
                .containsEntry("ce_time", event.occurredAt().toString())
                .containsEntry("ce_tenantid", event.tenantId().toString())
                .containsEntry(EventHeaders.TRACEPARENT, TRACEPARENT);
        assertThat(EventJson.mapper().readValue(row.get("payload").toString(), DocumentReceived.class))
                .isEqualTo(event);
    }

    @Test
    void leavesTheTenantEmptyWhenTheEventNamesNone() {
        LoginFailed event = TestEvents.loginFailedForAnUnknownTenant();

        transaction.executeWithoutResult(status -> writer.append(event));

        Map<String, Object> row = rowsFor(event.eventId()).get(0);
        assertThat(row.get("ce_tenantid")).isNull();
        assertThat(row).containsEntry("aggregateid", "acme-legl").containsEntry("aggregatetype", Topics.IDENTITY_AUDIT);
    }

    @Test
    void writesNothingWhenTheTransactionRollsBack() {
        DocumentReceived event = TestEvents.documentReceived(UUID.randomUUID(), 1);

        transaction.executeWithoutResult(status -> {
            writer.appendAll(List.of(event));
            status.setRollbackOnly();
        });

        assertThat(rowsFor(event.eventId())).isEmpty();
    }

    private static List<Map<String, Object>> rowsFor(UUID eventId) {
        return jdbc.queryForList(
                "SELECT id, aggregatetype, aggregateid, type, payload::text AS payload, ce_source, ce_time,"
                        + " ce_tenantid, traceparent FROM outbox WHERE id = ?",
                eventId);
    }
}
