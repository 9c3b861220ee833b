package io.docmatrix.runtime.outbox;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A throwaway schema in {@code docmatrix_ingestion_test} with the outbox and processed_event tables of the services'
 * Flyway V1, plus the names of the slot and publication a test may create; {@link #drop()} removes all of them.
 */
final class OutboxTestDatabase implements AutoCloseable {

    static final String DATABASE = "docmatrix_ingestion_test";
    static final String USER = "docmatrix_test";

    final String schema;
    final String slot;
    final String publication;
    private final HikariDataSource admin;
    final JdbcTemplate jdbc;

    private OutboxTestDatabase(String name) {
        this.schema = name;
        this.slot = name + "_slot";
        this.publication = name + "_pub";
        this.admin = dataSource(url(""));
        this.jdbc = new JdbcTemplate(admin);
    }

    static OutboxTestDatabase create(String prefix) {
        String name =
                prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        OutboxTestDatabase database = new OutboxTestDatabase(name);
        database.jdbc.execute("CREATE SCHEMA " + name);
        database.jdbc.execute("CREATE TABLE " + name + ".outbox ("
                + " id uuid PRIMARY KEY, aggregatetype text NOT NULL, aggregateid text NOT NULL, type text NOT NULL,"
                + " payload jsonb NOT NULL, ce_source text NOT NULL, ce_time text NOT NULL, ce_tenantid text,"
                + " traceparent text, created_at timestamptz NOT NULL DEFAULT now())");
        database.jdbc.execute("CREATE TABLE " + name + ".processed_event ("
                + " consumer text NOT NULL, event_id uuid NOT NULL, processed_at timestamptz NOT NULL DEFAULT now(),"
                + " PRIMARY KEY (consumer, event_id))");
        return database;
    }

    static String host() {
        return System.getenv().getOrDefault("DOCMATRIX_TEST_PG_HOST", "127.0.0.1");
    }

    static String port() {
        return System.getenv().getOrDefault("DOCMATRIX_TEST_PG_PORT", "5433");
    }

    /** The JDBC URL of the test database; with a schema, that schema comes first on the search path. */
    static String url(String schema) {
        String base = "jdbc:postgresql://" + host() + ":" + port() + "/" + DATABASE;
        return schema.isEmpty() ? base : base + "?currentSchema=" + schema;
    }

    static HikariDataSource dataSource(String url) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(USER);
        config.setMaximumPoolSize(3);
        return new HikariDataSource(config);
    }

    List<String> slots() {
        return jdbc.queryForList("SELECT slot_name FROM pg_replication_slots WHERE slot_name = ?", String.class, slot);
    }

    /** Drops slot, publication and schema; the slot may still be held for a moment by a stopping engine. */
    void drop() {
        try {
            Awaitility.await()
                    .atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> jdbc.queryForList(
                            "SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE slot_name = ?",
                            slot));
            jdbc.execute("DROP PUBLICATION IF EXISTS " + publication);
            jdbc.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        } finally {
            admin.close();
        }
    }

    @Override
    public void close() {
        drop();
    }
}
