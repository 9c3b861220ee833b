package io.docmatrix.runtime.outbox;

import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.runtime.WorkerConfig;
import org.apache.kafka.connect.storage.MemoryOffsetBackingStore;

/**
 * Debezium offsets in a table of the service's own database, next to the replication slot they describe. Debezium's
 * {@code debezium-storage-jdbc} has no 3.6 release on the mirror this project builds from (3.5.0 is the newest), so this
 * small store replaces it: Kafka Connect's in-memory store, loaded from the table at start and written through on every
 * flush. Debezium instantiates it by class name ({@code offset.storage}) and passes the {@code docmatrix.offset.*}
 * engine properties.
 */
public final class JdbcOffsetStore extends MemoryOffsetBackingStore {

    static final String URL = "docmatrix.offset.jdbc.url";
    static final String USER = "docmatrix.offset.jdbc.user";
    static final String PASSWORD = "docmatrix.offset.jdbc.password";
    static final String TABLE = "docmatrix.offset.table";
    static final String SLOT = "docmatrix.offset.slot";

    private String url = "";
    private String user = "";
    private String password = "";
    private String table = "";
    private String slot = "";

    public JdbcOffsetStore() {}

    /** The DDL of the offset table; idempotent, run by the relay before every start. */
    static String createTable(String qualifiedTable) {
        return "CREATE TABLE IF NOT EXISTS " + qualifiedTable + " ("
                + "slot_name text NOT NULL, offset_key bytea NOT NULL, offset_value bytea NOT NULL,"
                + " updated_at timestamptz NOT NULL DEFAULT now(), PRIMARY KEY (slot_name, offset_key))";
    }

    @Override
    public void configure(WorkerConfig config) {
        super.configure(config);
        Map<String, String> originals = config.originalsStrings();
        url = required(originals, URL);
        user = required(originals, USER);
        password = originals.getOrDefault(PASSWORD, "");
        table = required(originals, TABLE);
        slot = required(originals, SLOT);
    }

    @Override
    public synchronized void start() {
        super.start();
        try (Connection connection = connect();
                Statement ddl = connection.createStatement()) {
            ddl.execute(createTable(table));
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT offset_key, offset_value FROM " + table + " WHERE slot_name = ?")) {
                select.setString(1, slot);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        data.put(ByteBuffer.wrap(rows.getBytes(1)), ByteBuffer.wrap(rows.getBytes(2)));
                    }
                }
            }
        } catch (SQLException e) {
            throw new ConnectException("cannot load outbox relay offsets from " + table, e);
        }
    }

    @Override
    protected void save() {
        try (Connection connection = connect()) {
            connection.setAutoCommit(false);
            try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO " + table
                            + " (slot_name, offset_key, offset_value) VALUES (?, ?, ?) ON CONFLICT (slot_name, offset_key)"
                            + " DO UPDATE SET offset_value = excluded.offset_value, updated_at = now()");
                    PreparedStatement delete = connection.prepareStatement(
                            "DELETE FROM " + table + " WHERE slot_name = ? AND offset_key = ?")) {
                for (Map.Entry<ByteBuffer, ByteBuffer> entry : data.entrySet()) {
                    if (entry.getValue() == null) {
                        delete.setString(1, slot);
                        delete.setBytes(2, bytes(entry.getKey()));
                        delete.addBatch();
                    } else {
                        upsert.setString(1, slot);
                        upsert.setBytes(2, bytes(entry.getKey()));
                        upsert.setBytes(3, bytes(entry.getValue()));
                        upsert.addBatch();
                    }
                }
                upsert.executeBatch();
                delete.executeBatch();
            }
            connection.commit();
        } catch (SQLException e) {
            throw new ConnectException("cannot store outbox relay offsets in " + table, e);
        }
    }

    @Override
    public Set<Map<String, Object>> connectorPartitions(String connectorName) {
        // Only Kafka Connect's REST API lists partitions; the embedded engine never asks.
        return Set.of();
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    private static byte[] bytes(ByteBuffer buffer) {
        ByteBuffer copy = buffer.duplicate();
        byte[] bytes = new byte[copy.remaining()];
        copy.get(bytes);
        return bytes;
    }

    private static String required(Map<String, String> config, String key) {
        String value = config.get(key);
        if (value == null || value.isBlank()) {
            throw new ConnectException("missing engine property " + key);
        }
        return value;
    }
}
