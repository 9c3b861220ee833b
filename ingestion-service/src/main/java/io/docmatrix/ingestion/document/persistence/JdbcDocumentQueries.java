package io.docmatrix.ingestion.document.persistence;

import io.docmatrix.ingestion.document.Cursors;
import io.docmatrix.ingestion.document.DocumentQueries;
import io.docmatrix.ingestion.document.DocumentStatus;
import io.docmatrix.ingestion.document.DocumentVersion;
import io.docmatrix.ingestion.document.Page;
import io.docmatrix.ingestion.document.StoredChunk;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcDocumentQueries implements DocumentQueries {

    private static final String DOCUMENT_COLUMNS =
            """
            id, version, tenant_id, status, filename, content_type, size_bytes, sha256, uploaded_by, title, tags,
            collection, external_id, page_count, chunk_count, error_code, error_detail, received_at,
            parsing_started_at, embedding_started_at, ready_at, failed_at
            """;

    private static final String CHUNK_COLUMNS =
            """
            id, document_id, version, ordinal, text, page, page_end, start_offset, end_offset, heading_path,
            token_count, embedding_model
            """;

    private final JdbcClient jdbc;

    JdbcDocumentQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<DocumentVersion> latest(UUID tenantId, UUID documentId) {
        return jdbc.sql("SELECT " + DOCUMENT_COLUMNS
                        + " FROM document WHERE tenant_id = :tenant AND id = :id ORDER BY version DESC LIMIT 1")
                .param("tenant", tenantId)
                .param("id", documentId)
                .query(JdbcDocumentQueries::document)
                .optional();
    }

    @Override
    public List<DocumentVersion> versions(UUID tenantId, UUID documentId) {
        return jdbc.sql("SELECT " + DOCUMENT_COLUMNS
                        + " FROM document WHERE tenant_id = :tenant AND id = :id ORDER BY version DESC")
                .param("tenant", tenantId)
                .param("id", documentId)
                .query(JdbcDocumentQueries::document)
                .list();
    }

    @Override
    public Page<DocumentVersion> list(
            UUID tenantId, @Nullable DocumentStatus status, int limit, @Nullable String cursor) {
        Cursors.ListingPosition after = cursor == null ? null : Cursors.decodeListing(cursor);
        // Keyset pagination on (received_at, id) descending, matching the document_listing index.
        List<DocumentVersion> rows = jdbc.sql(
                        "SELECT " + DOCUMENT_COLUMNS
                                + """
                         FROM document
                        WHERE tenant_id = :tenant AND latest
                          AND (CAST(:status AS text) IS NULL OR status = CAST(:status AS text))
                          AND (CAST(:afterAt AS timestamptz) IS NULL
                               OR (received_at, id) < (CAST(:afterAt AS timestamptz), CAST(:afterId AS uuid)))
                        ORDER BY received_at DESC, id DESC
                        LIMIT :limit
                        """)
                .param("tenant", tenantId)
                .param("status", status == null ? null : status.name())
                .param("afterAt", after == null ? null : Timestamp.from(after.receivedAt()))
                .param("afterId", after == null ? null : after.id())
                .param("limit", limit + 1)
                .query(JdbcDocumentQueries::document)
                .list();
        if (rows.size() <= limit) {
            return new Page<>(rows, null);
        }
        DocumentVersion last = rows.get(limit - 1);
        return new Page<>(
                rows.subList(0, limit),
                Cursors.encode(new Cursors.ListingPosition(last.times().receivedAt(), last.id())));
    }

    @Override
    public Page<StoredChunk> chunks(UUID tenantId, UUID documentId, int version, int limit, @Nullable String cursor) {
        int afterOrdinal = cursor == null ? -1 : Cursors.decodeOrdinal(cursor);
        List<StoredChunk> rows = jdbc.sql(
                        "SELECT " + CHUNK_COLUMNS
                                + """
                         FROM chunk
                        WHERE tenant_id = :tenant AND document_id = :id AND version = :version AND ordinal > :after
                        ORDER BY ordinal
                        LIMIT :limit
                        """)
                .param("tenant", tenantId)
                .param("id", documentId)
                .param("version", version)
                .param("after", afterOrdinal)
                .param("limit", limit + 1)
                .query(JdbcDocumentQueries::chunk)
                .list();
        if (rows.size() <= limit) {
            return new Page<>(rows, null);
        }
        return new Page<>(
                rows.subList(0, limit),
                Cursors.encodeOrdinal(rows.get(limit - 1).ordinal()));
    }

    @Override
    public Optional<StoredChunk> chunk(UUID tenantId, UUID documentId, UUID chunkId) {
        return jdbc.sql("SELECT " + CHUNK_COLUMNS
                        + " FROM chunk WHERE tenant_id = :tenant AND document_id = :document AND id = :id")
                .param("tenant", tenantId)
                .param("document", documentId)
                .param("id", chunkId)
                .query(JdbcDocumentQueries::chunk)
                .optional();
    }

    @Override
    public InFlight inFlight(java.time.Duration stuckAfter) {
        return jdbc.sql("SELECT count(*) FILTER (WHERE status = 'RECEIVED') AS received,"
                        + " count(*) FILTER (WHERE status = 'PARSING') AS parsing,"
                        + " count(*) FILTER (WHERE status = 'EMBEDDING') AS embedding,"
                        + " count(*) FILTER (WHERE received_at < now() - CAST(:stuck AS interval)) AS stuck"
                        + " FROM document WHERE status IN ('RECEIVED', 'PARSING', 'EMBEDDING')")
                .param("stuck", stuckAfter.toMillis() + " milliseconds")
                .query((rs, row) -> new InFlight(
                        rs.getLong("received"), rs.getLong("parsing"), rs.getLong("embedding"), rs.getLong("stuck")))
                .single();
    }

    static DocumentVersion document(ResultSet rs, int row) throws SQLException {
        return new DocumentVersion(
                rs.getObject("id", UUID.class),
                rs.getInt("version"),
                rs.getObject("tenant_id", UUID.class),
                DocumentStatus.valueOf(rs.getString("status")),
                rs.getString("filename"),
                rs.getString("content_type"),
                rs.getLong("size_bytes"),
                rs.getString("sha256"),
                rs.getString("uploaded_by"),
                rs.getString("title"),
                strings(rs.getArray("tags")),
                rs.getString("collection"),
                rs.getString("external_id"),
                (Integer) rs.getObject("page_count"),
                (Integer) rs.getObject("chunk_count"),
                rs.getString("error_code"),
                rs.getString("error_detail"),
                new DocumentVersion.StageTimes(
                        instant(rs, "received_at"),
                        instant(rs, "parsing_started_at"),
                        instant(rs, "embedding_started_at"),
                        instant(rs, "ready_at"),
                        instant(rs, "failed_at")));
    }

    static StoredChunk chunk(ResultSet rs, int row) throws SQLException {
        return new StoredChunk(
                rs.getObject("id", UUID.class),
                rs.getObject("document_id", UUID.class),
                rs.getInt("version"),
                rs.getInt("ordinal"),
                rs.getString("text"),
                rs.getInt("page"),
                rs.getInt("page_end"),
                rs.getInt("start_offset"),
                rs.getInt("end_offset"),
                strings(rs.getArray("heading_path")),
                rs.getInt("token_count"),
                rs.getString("embedding_model"));
    }

    private static List<String> strings(@Nullable Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
