package io.docmatrix.eval.reliability.oracle;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Reads the stores over JDBC, read-only, as each service's own role (passwords from {@code var/local/secrets}, as
 * {@code deploy/local} provisioned them). query-service's tables force row-level security, so it is read as its
 * application role once per run tenant, with {@code app.tenant_id} set exactly as the service sets it.
 */
public final class StoreReader {

    private final DatabaseAccess databases;

    public StoreReader(DatabaseAccess databases) {
        this.databases = databases;
    }

    /** The tenant id of an uploaded document, from the gateway's upload table (the only place a client id maps). */
    public UUID tenantOf(UUID documentId) {
        try (Connection c = databases.connect("gateway");
                PreparedStatement s =
                        c.prepareStatement("SELECT tenant_id FROM upload WHERE document_id = ? LIMIT 1")) {
            s.setObject(1, documentId);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("document " + documentId + " has no upload row");
                }
                return rs.getObject(1, UUID.class);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading the gateway's upload table failed: " + e.getMessage(), e);
        }
    }

    /**
     * Everything the stores hold for {@code tenants}, plus any ledger document they hold under another tenant (which
     * is how a leak would show).
     *
     * @param ledgerTenants each ledger document and the tenant that uploaded it
     */
    public StoreSnapshot read(Collection<UUID> tenants, Map<UUID, UUID> ledgerTenants) {
        try {
            UUID[] tenantArray = tenants.toArray(UUID[]::new);
            UUID[] documents = ledgerTenants.keySet().toArray(UUID[]::new);
            Map<VersionKey, UUID> uploads = new HashMap<>();
            Map<VersionKey, StoreSnapshot.IngestedVersion> ingested = new HashMap<>();
            Map<VersionKey, StoreSnapshot.ChunkSet> ingestionChunks = new HashMap<>();
            Map<VersionKey, StoreSnapshot.AnalysisSet> analyses = new HashMap<>();
            try (Connection c = databases.connect("gateway")) {
                query(
                        c,
                        "SELECT document_id, version, tenant_id FROM upload"
                                + " WHERE tenant_id = ANY(?) OR document_id = ANY(?)",
                        tenantArray,
                        documents,
                        rs -> uploads.put(key(rs), rs.getObject(3, UUID.class)));
            }
            try (Connection c = databases.connect("ingestion")) {
                query(
                        c,
                        "SELECT id, version, tenant_id, status, error_code, chunk_count FROM document"
                                + " WHERE tenant_id = ANY(?) OR id = ANY(?)",
                        tenantArray,
                        documents,
                        rs -> ingested.put(
                                key(rs),
                                new StoreSnapshot.IngestedVersion(
                                        rs.getObject(3, UUID.class), rs.getString(4), rs.getString(5), (Integer)
                                                rs.getObject(6))));
                query(
                        c,
                        "SELECT document_id, version, min(tenant_id::text)::uuid, count(*), count(DISTINCT ordinal),"
                                + " count(embedding) FROM chunk WHERE tenant_id = ANY(?) OR document_id = ANY(?)"
                                + " GROUP BY document_id, version",
                        tenantArray,
                        documents,
                        rs -> ingestionChunks.put(key(rs), chunkSet(rs)));
            }
            try (Connection c = databases.connect("analysis")) {
                query(
                        c,
                        "SELECT document_id, version, min(tenant_id::text)::uuid, count(*),"
                                + " count(*) FILTER (WHERE status IN ('PENDING', 'RUNNING')),"
                                + " count(*) FILTER (WHERE status = 'COMPLETED' OR (status = 'FAILED' AND error_code <> ''))"
                                + " FROM analysis WHERE trigger = 'INDEXED' AND (tenant_id = ANY(?) OR document_id = ANY(?))"
                                + " GROUP BY document_id, version",
                        tenantArray,
                        documents,
                        rs -> analyses.put(
                                key(rs),
                                new StoreSnapshot.AnalysisSet(
                                        rs.getObject(3, UUID.class), rs.getLong(4), rs.getLong(5), rs.getLong(6))));
            }
            Map<VersionKey, StoreSnapshot.QueryVersion> versions = new HashMap<>();
            Map<VersionKey, StoreSnapshot.ChunkSet> queryChunks = new HashMap<>();
            Set<UUID> visibleToOther = new HashSet<>();
            try (Connection c = databases.connect("query")) {
                for (UUID tenant : tenants) {
                    asTenant(c, tenant);
                    query(
                            c,
                            "SELECT document_id, version, tenant_id, status, expected_chunks FROM document_version",
                            null,
                            null,
                            rs -> versions.put(
                                    key(rs),
                                    new StoreSnapshot.QueryVersion(
                                            rs.getObject(3, UUID.class), rs.getString(4), (Integer) rs.getObject(5))));
                    query(
                            c,
                            "SELECT document_id, version, min(tenant_id::text)::uuid, count(*),"
                                    + " count(DISTINCT ordinal), count(embedding) FROM chunk GROUP BY document_id, version",
                            null,
                            null,
                            rs -> queryChunks.put(key(rs), chunkSet(rs)));
                }
                // Row-level security is the isolation: a ledger document read under any other run tenant is a leak.
                for (UUID tenant : tenants) {
                    asTenant(c, tenant);
                    UUID[] foreign = ledgerTenants.entrySet().stream()
                            .filter(e -> !e.getValue().equals(tenant))
                            .map(Map.Entry::getKey)
                            .toArray(UUID[]::new);
                    query(
                            c,
                            "SELECT document_id FROM document WHERE document_id = ANY(?)"
                                    + " UNION SELECT document_id FROM chunk WHERE document_id = ANY(?)",
                            foreign,
                            foreign,
                            rs -> visibleToOther.add(rs.getObject(1, UUID.class)));
                }
            }
            return new StoreSnapshot(
                    uploads, ingested, ingestionChunks, versions, queryChunks, analyses, visibleToOther);
        } catch (SQLException e) {
            throw new IllegalStateException("reading the stores failed: " + e.getMessage(), e);
        }
    }

    /** Documents of the run's tenants that ingestion or query-service still show in a non-final state. */
    public long unfinished(Collection<UUID> tenants) {
        UUID[] tenantArray = tenants.toArray(UUID[]::new);
        long[] count = {0};
        try {
            try (Connection c = databases.connect("ingestion")) {
                query(
                        c,
                        "SELECT count(*) FROM document WHERE tenant_id = ANY(?) AND status NOT IN ('READY', 'FAILED')",
                        null,
                        null,
                        rs -> count[0] += rs.getLong(1),
                        (Object) tenantArray);
            }
            try (Connection c = databases.connect("analysis")) {
                query(
                        c,
                        "SELECT count(*) FROM analysis WHERE tenant_id = ANY(?) AND status IN ('PENDING', 'RUNNING')",
                        null,
                        null,
                        rs -> count[0] += rs.getLong(1),
                        (Object) tenantArray);
            }
            try (Connection c = databases.connect("query")) {
                for (UUID tenant : tenants) {
                    asTenant(c, tenant);
                    query(
                            c,
                            "SELECT count(*) FROM document_version WHERE status NOT IN ('READY', 'FAILED')",
                            null,
                            null,
                            rs -> count[0] += rs.getLong(1));
                }
            }
        } catch (SQLException e) {
            // A store that is down (a fault in progress) is not converged.
            return Long.MAX_VALUE;
        }
        return count[0];
    }

    /**
     * Ids of the outbox rows each relaying service wrote since {@code since}: every one must reach Kafka. Empty per
     * service while its database is unreachable is not possible: that throws, and the caller samples again.
     */
    public Map<String, Set<UUID>> outboxEventsSince(java.time.Instant since) throws SQLException {
        Map<String, Set<UUID>> events = new java.util.TreeMap<>();
        for (String service : List.of("gateway", "auth", "ingestion", "analysis")) {
            Set<UUID> ids = new HashSet<>();
            try (Connection c = databases.connect(service)) {
                query(
                        c,
                        "SELECT id FROM outbox WHERE created_at >= ?",
                        null,
                        null,
                        rs -> ids.add(rs.getObject(1, UUID.class)),
                        java.sql.Timestamp.from(since));
            }
            events.put(service + "-service", ids);
        }
        return events;
    }

    private static void asTenant(Connection c, UUID tenant) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT set_config('app.tenant_id', ?, false)")) {
            s.setString(1, tenant.toString());
            s.execute();
        }
    }

    private static VersionKey key(ResultSet rs) throws SQLException {
        return new VersionKey(rs.getObject(1, UUID.class), rs.getInt(2));
    }

    private static StoreSnapshot.ChunkSet chunkSet(ResultSet rs) throws SQLException {
        return new StoreSnapshot.ChunkSet(rs.getObject(3, UUID.class), rs.getLong(4), rs.getLong(5), rs.getLong(6));
    }

    /**
     * Runs {@code sql}; the two arrays (when given) are bound as the statement's first two uuid[] parameters, then
     * {@code more} as the next ones.
     */
    private static void query(
            Connection c,
            String sql,
            UUID @Nullable [] first,
            UUID @Nullable [] second,
            RowConsumer rows,
            Object... more)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            int index = 1;
            for (UUID[] array : java.util.Arrays.asList(first, second)) {
                if (array != null) {
                    s.setArray(index++, c.createArrayOf("uuid", array));
                }
            }
            for (Object value : more) {
                if (value instanceof UUID[] array) {
                    s.setArray(index++, c.createArrayOf("uuid", array));
                } else {
                    s.setObject(index++, value);
                }
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.accept(rs);
                }
            }
        }
    }

    @FunctionalInterface
    private interface RowConsumer {
        void accept(ResultSet rs) throws SQLException;
    }

    /** Where the service databases are and how each service's role logs in. */
    public record DatabaseAccess(String host, int port, java.nio.file.Path secretsDir) {

        /** Read-only: the oracle must never change what it judges. */
        Connection connect(String service) throws SQLException {
            String role = service.equals("query") ? "query_app" : service + "_service";
            String password;
            try {
                password = java.nio.file.Files.readString(secretsDir.resolve(role + ".password"))
                        .strip();
            } catch (java.io.IOException e) {
                throw new SQLException("no password file for " + role + " in " + secretsDir, e);
            }
            java.util.Properties properties = new java.util.Properties();
            properties.setProperty("user", role);
            properties.setProperty("password", password);
            properties.setProperty("connectTimeout", "5");
            properties.setProperty("socketTimeout", "60");
            properties.setProperty("readOnly", "true");
            Connection connection = DriverManager.getConnection(
                    "jdbc:postgresql://" + host + ":" + port + "/docmatrix_" + service, properties);
            connection.setReadOnly(true);
            return connection;
        }
    }
}
