package io.docmatrix.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Where the ceilings and the peer keep their tables: a schema of their own (created on first use, dropped at the end
 * unless kept), so they never touch a service's tables. pgvector must be installed in the database.
 *
 * @param url a {@code jdbc:postgresql://127.0.0.1...} URL without parameters
 */
public record DatabaseTarget(String url, String user, String password, String schema) {

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    public DatabaseTarget {
        if (!IDENTIFIER.matcher(schema).matches()) {
            // Spliced into DDL below, so only a plain lower-case identifier is accepted.
            throw new IllegalArgumentException("schema must be a plain lower-case identifier: " + schema);
        }
        Loopback.requireJdbc(url);
    }

    public Connection connect() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        properties.setProperty("currentSchema", schema + ",public");
        properties.setProperty("reWriteBatchedInserts", "true");
        return DriverManager.getConnection(url, properties);
    }

    /** A data source whose connections default to the schema (LangChain4j's store names tables without a schema). */
    public DataSource dataSource() {
        PGSimpleDataSource source = new PGSimpleDataSource();
        source.setUrl(url);
        source.setUser(user);
        source.setPassword(password);
        source.setCurrentSchema(schema + ",public");
        source.setReWriteBatchedInserts(true);
        return source;
    }

    public void createSchema() throws SQLException {
        try (Connection c = connect();
                Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA IF NOT EXISTS " + schema);
        }
    }

    public void dropSchema() throws SQLException {
        try (Connection c = connect();
                Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }
}
