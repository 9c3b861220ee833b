package io.docmatrix.analysis.pipeline.persistence;

import io.docmatrix.analysis.document.AnalysedChunk;
import io.docmatrix.analysis.document.DocumentForAnalysis;
import io.docmatrix.analysis.pipeline.StagingRepository;
import io.docmatrix.analysis.pipeline.VersionRef;
import io.docmatrix.contracts.chunk.ChunkEmbedded;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.sql.Array;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcStagingRepository implements StagingRepository {

    private final JdbcClient jdbc;

    JdbcStagingRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean isDeleted(UUID tenantId, UUID documentId) {
        return jdbc.sql("SELECT count(*) FROM deleted_document WHERE tenant_id = :tenant AND document_id = :id")
                        .param("tenant", tenantId)
                        .param("id", documentId)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    @Override
    public VersionLock lockVersion(UUID tenantId, UUID documentId, int version) {
        // The no-op update on conflict still takes the row lock, which serialises the two listeners per version. The
        // tenant's setting is read only when the row is created: the whole version follows its first event's decision.
        return jdbc.sql(
                        """
                        INSERT INTO document_version (document_id, version, tenant_id, state)
                        VALUES (:id, :version, :tenant,
                                CASE WHEN coalesce((SELECT s.automatic_analysis FROM tenant_setting s
                                                     WHERE s.tenant_id = :tenant), true)
                                     THEN 'STAGING' ELSE 'SKIPPED' END)
                        ON CONFLICT (document_id, version) DO UPDATE SET tenant_id = document_version.tenant_id
                        RETURNING tenant_id, state
                        """)
                .param("id", documentId)
                .param("version", version)
                .param("tenant", tenantId)
                .query((rs, n) -> !rs.getObject("tenant_id", UUID.class).equals(tenantId)
                        ? VersionLock.FOREIGN
                        : "SKIPPED".equals(rs.getString("state")) ? VersionLock.SKIP : VersionLock.STAGE)
                .single();
    }

    @Override
    public void describe(
            UUID tenantId,
            UUID documentId,
            int version,
            @Nullable String title,
            @Nullable String filename,
            @Nullable String contentType) {
        jdbc.sql("UPDATE document_version SET title = :title, filename = :filename, content_type = :type"
                        + " WHERE tenant_id = :tenant AND document_id = :id AND version = :version")
                .param("title", title)
                .param("filename", filename)
                .param("type", contentType)
                .param("tenant", tenantId)
                .param("id", documentId)
                .param("version", version)
                .update();
    }

    @Override
    public void expectChunks(UUID tenantId, UUID documentId, int version, int chunkCount) {
        jdbc.sql("UPDATE document_version SET expected_chunks = :count, indexed_at = now()"
                        + " WHERE tenant_id = :tenant AND document_id = :id AND version = :version")
                .param("count", chunkCount)
                .param("tenant", tenantId)
                .param("id", documentId)
                .param("version", version)
                .update();
    }

    @Override
    public void stage(ChunkEmbedded chunk) {
        jdbc.sql(
                        """
                        INSERT INTO staged_chunk (document_id, version, tenant_id, chunk_id, ordinal, text, page, page_end,
                                                  start_offset, end_offset, heading_path, embedding)
                        VALUES (:id, :version, :tenant, :chunk, :ordinal, :text, :page, :pageEnd, :start, :end,
                                :headings, :embedding)
                        ON CONFLICT (document_id, version, ordinal) DO NOTHING
                        """)
                .param("id", chunk.documentId())
                .param("version", chunk.version())
                .param("tenant", chunk.tenantId())
                .param("chunk", chunk.chunkId())
                .param("ordinal", chunk.ordinal())
                .param("text", chunk.text())
                .param("page", chunk.page())
                .param("pageEnd", chunk.pageEnd())
                .param("start", chunk.start())
                .param("end", chunk.end())
                .param("headings", chunk.headingPath().toArray(String[]::new))
                .param("embedding", littleEndian(chunk.embedding().values()))
                .update();
    }

    @Override
    public boolean markQueuedIfComplete(UUID tenantId, UUID documentId, int version) {
        // INCOMPLETE too: chunks that turn up after the timeout still get their analysis (a new run supersedes the
        // CHUNKS_INCOMPLETE failure).
        return jdbc.sql(
                                """
                        UPDATE document_version v SET state = 'QUEUED'
                         WHERE v.tenant_id = :tenant AND v.document_id = :id AND v.version = :version
                           AND v.state IN ('STAGING', 'INCOMPLETE') AND v.expected_chunks IS NOT NULL
                           AND v.expected_chunks = (SELECT count(*) FROM staged_chunk c
                                                     WHERE c.tenant_id = :tenant AND c.document_id = :id
                                                       AND c.version = :version)
                        """)
                        .param("tenant", tenantId)
                        .param("id", documentId)
                        .param("version", version)
                        .update()
                == 1;
    }

    @Override
    public List<VersionRef> giveUpWaiting(Duration timeout) {
        // A maintenance sweep over all tenants: it reads no tenant's content, it only flips overdue versions.
        return jdbc.sql(
                        """
                        UPDATE document_version v SET state = 'INCOMPLETE'
                         WHERE v.state = 'STAGING' AND v.first_seen_at < now() - CAST(:timeout AS interval)
                        RETURNING v.tenant_id, v.document_id, v.version, coalesce(v.expected_chunks, -1) AS expected,
                                  (SELECT count(*) FROM staged_chunk c WHERE c.tenant_id = v.tenant_id
                                      AND c.document_id = v.document_id AND c.version = v.version) AS staged
                        """)
                .param("timeout", timeout.toMillis() + " milliseconds")
                .query((rs, row) -> new VersionRef(
                        rs.getObject("tenant_id", UUID.class),
                        rs.getObject("document_id", UUID.class),
                        rs.getInt("version"),
                        rs.getInt("staged"),
                        rs.getInt("expected")))
                .list();
    }

    @Override
    public void recordUnreadable(UUID documentId, String reason) {
        jdbc.sql("DELETE FROM unreadable_chunk WHERE recorded_at < now() - interval '1 day'")
                .update();
        jdbc.sql("INSERT INTO unreadable_chunk (document_id, reason) VALUES (:id, :reason)")
                .param("id", documentId)
                .param("reason", reason.length() > 500 ? reason.substring(0, 500) : reason)
                .update();
    }

    @Override
    public List<VersionRef> giveUpUnreadable() {
        // Cross-tenant maintenance like giveUpWaiting: the unreadable record names no tenant; the version row does.
        // A minute of slack: the poison record may be read just before the version's first event.
        return jdbc.sql(
                        """
                        UPDATE document_version v SET state = 'INCOMPLETE'
                         WHERE v.state = 'STAGING' AND v.expected_chunks IS NOT NULL
                           AND EXISTS (SELECT 1 FROM unreadable_chunk u WHERE u.document_id = v.document_id
                                          AND u.recorded_at >= v.first_seen_at - interval '1 minute')
                        RETURNING v.tenant_id, v.document_id, v.version, v.expected_chunks AS expected,
                                  (SELECT count(*) FROM staged_chunk c WHERE c.tenant_id = v.tenant_id
                                      AND c.document_id = v.document_id AND c.version = v.version) AS staged
                        """)
                .query((rs, row) -> new VersionRef(
                        rs.getObject("tenant_id", UUID.class),
                        rs.getObject("document_id", UUID.class),
                        rs.getInt("version"),
                        rs.getInt("staged"),
                        rs.getInt("expected")))
                .list();
    }

    @Override
    public Optional<DocumentForAnalysis> load(UUID tenantId, UUID documentId, int version) {
        record Header(@Nullable String title, @Nullable String filename, @Nullable String contentType) {}
        Optional<Header> header = jdbc.sql("SELECT title, filename, content_type FROM document_version"
                        + " WHERE tenant_id = :tenant AND document_id = :id AND version = :version")
                .param("tenant", tenantId)
                .param("id", documentId)
                .param("version", version)
                .query((rs, row) ->
                        new Header(rs.getString("title"), rs.getString("filename"), rs.getString("content_type")))
                .optional();
        if (header.isEmpty()) {
            return Optional.empty();
        }
        List<AnalysedChunk> chunks = jdbc.sql(
                        """
                        SELECT chunk_id, ordinal, text, page, page_end, start_offset, end_offset, heading_path, embedding
                          FROM staged_chunk WHERE tenant_id = :tenant AND document_id = :id AND version = :version
                         ORDER BY ordinal
                        """)
                .param("tenant", tenantId)
                .param("id", documentId)
                .param("version", version)
                .query((rs, row) -> new AnalysedChunk(
                        rs.getObject("chunk_id", UUID.class),
                        rs.getInt("ordinal"),
                        rs.getString("text"),
                        rs.getInt("page"),
                        rs.getInt("page_end"),
                        rs.getInt("start_offset"),
                        rs.getInt("end_offset"),
                        strings(rs.getArray("heading_path")),
                        floats(rs.getBytes("embedding"))))
                .list();
        Header h = header.get();
        return Optional.of(new DocumentForAnalysis(
                tenantId, documentId, version, h.title(), h.filename(), h.contentType(), chunks));
    }

    @Override
    public OptionalInt latestCompleteVersion(UUID tenantId, UUID documentId) {
        return jdbc.sql("SELECT version FROM document_version"
                        + " WHERE tenant_id = :tenant AND document_id = :id AND state = 'QUEUED'"
                        + " ORDER BY version DESC LIMIT 1")
                .param("tenant", tenantId)
                .param("id", documentId)
                .query(Integer.class)
                .optional()
                .map(OptionalInt::of)
                .orElse(OptionalInt.empty());
    }

    @Override
    public OptionalInt latestVersion(UUID tenantId, UUID documentId) {
        return jdbc.sql("SELECT version FROM document_version WHERE tenant_id = :tenant AND document_id = :id"
                        + " ORDER BY version DESC LIMIT 1")
                .param("tenant", tenantId)
                .param("id", documentId)
                .query(Integer.class)
                .optional()
                .map(OptionalInt::of)
                .orElse(OptionalInt.empty());
    }

    @Override
    public Optional<String> state(UUID tenantId, UUID documentId, int version) {
        return jdbc.sql("SELECT state FROM document_version"
                        + " WHERE tenant_id = :tenant AND document_id = :id AND version = :version")
                .param("tenant", tenantId)
                .param("id", documentId)
                .param("version", version)
                .query(String.class)
                .optional();
    }

    @Override
    public void purge(UUID tenantId, UUID documentId) {
        jdbc.sql("DELETE FROM document_version WHERE tenant_id = :tenant AND document_id = :id")
                .param("tenant", tenantId)
                .param("id", documentId)
                .update();
        jdbc.sql("INSERT INTO deleted_document (document_id, tenant_id) VALUES (:id, :tenant)"
                        + " ON CONFLICT (document_id) DO NOTHING")
                .param("id", documentId)
                .param("tenant", tenantId)
                .update();
    }

    private static List<String> strings(@Nullable Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    static byte[] littleEndian(float[] vector) {
        ByteBuffer bytes = ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asFloatBuffer().put(vector);
        return bytes.array();
    }

    static float[] floats(byte[] bytes) {
        float[] vector = new float[bytes.length / Float.BYTES];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(vector);
        return vector;
    }
}
