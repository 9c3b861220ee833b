package io.docmatrix.query.projection.persistence;

import com.pgvector.PGvector;
import io.docmatrix.contracts.analysis.AnalysisCompleted;
import io.docmatrix.contracts.analysis.ClauseSummary;
import io.docmatrix.contracts.chunk.ChunkEmbedded;
import io.docmatrix.contracts.document.DocumentFailed;
import io.docmatrix.contracts.document.DocumentIndexed;
import io.docmatrix.contracts.document.DocumentReceived;
import io.docmatrix.query.projection.ReadStore;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** {@link ReadStore} over the V2 tables; the caller's transaction is bound to the tenant by {@link #enterTenant}. */
@Repository
class JdbcReadStore implements ReadStore {

    /** 14 parameters a row: 1,000 rows stay far below PostgreSQL's 65,535 parameters per statement. */
    private static final int CHUNKS_PER_STATEMENT = 1000;

    private final JdbcTemplate jdbc;

    JdbcReadStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void enterTenant(UUID tenantId) {
        jdbc.queryForObject("SELECT set_config('app.tenant_id', ?, true)", String.class, tenantId.toString());
    }

    @Override
    public boolean isDeleted(UUID documentId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT FROM deleted_document WHERE document_id = ?)", Boolean.class, documentId));
    }

    @Override
    public Set<UUID> deletedAmong(Collection<UUID> documentIds) {
        return new HashSet<>(withIds(
                documentIds,
                "SELECT document_id FROM deleted_document WHERE document_id = ANY(?)",
                (rs, n) -> rs.getObject(1, UUID.class)));
    }

    @Override
    public Map<UUID, Integer> activeVersions(Collection<UUID> documentIds) {
        Map<UUID, Integer> active = new HashMap<>();
        withIds(
                documentIds,
                "SELECT document_id, active_version FROM document WHERE document_id = ANY(?)"
                        + " AND active_version IS NOT NULL",
                (rs, n) -> active.put(rs.getObject(1, UUID.class), rs.getInt(2)));
        return active;
    }

    private <T> List<T> withIds(Collection<UUID> ids, String sql, RowMapper<T> rows) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.execute((ConnectionCallback<List<T>>) connection -> {
            Array array = connection.createArrayOf("uuid", ids.toArray());
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setArray(1, array);
                try (ResultSet rs = statement.executeQuery()) {
                    List<T> result = new ArrayList<>();
                    int n = 0;
                    while (rs.next()) {
                        result.add(rows.mapRow(rs, n++));
                    }
                    return result;
                }
            } finally {
                array.free();
            }
        });
    }

    @Override
    public void recordReceived(DocumentReceived r) {
        OffsetDateTime at = utc(r.occurredAt());
        String[] tags = r.metadata().tags().toArray(String[]::new);
        jdbc.update(
                """
                INSERT INTO document_version (document_id, version, tenant_id, status, title, filename, content_type,
                                              collection, tags, uploaded_by, uploaded_at)
                VALUES (?, ?, ?, 'RECEIVED', ?, ?, ?, ?, ?::text[], ?, ?)
                ON CONFLICT (document_id, version) DO UPDATE SET
                    title = EXCLUDED.title, filename = EXCLUDED.filename, content_type = EXCLUDED.content_type,
                    collection = EXCLUDED.collection, tags = EXCLUDED.tags, uploaded_by = EXCLUDED.uploaded_by,
                    uploaded_at = EXCLUDED.uploaded_at,
                    status = CASE WHEN document_version.status = 'READY' THEN 'READY' ELSE 'RECEIVED' END
                """,
                r.documentId(),
                r.version(),
                r.tenantId(),
                r.metadata().title(),
                r.filename(),
                r.contentType(),
                r.metadata().collection(),
                tags,
                r.uploadedBy(),
                at);
        // The document shows the newest version's status; its metadata stays that of the searchable version once
        // there is one (filters must match what search returns), else the newest received.
        jdbc.update(
                """
                INSERT INTO document (document_id, tenant_id, latest_version, status, title, filename, content_type,
                                      collection, tags, uploaded_by, uploaded_at)
                VALUES (?, ?, ?, 'RECEIVED', ?, ?, ?, ?, ?::text[], ?, ?)
                ON CONFLICT (document_id) DO UPDATE SET
                    status = CASE WHEN EXCLUDED.latest_version >= document.latest_version THEN 'RECEIVED'
                                  ELSE document.status END,
                    latest_version = GREATEST(document.latest_version, EXCLUDED.latest_version),
                    title = CASE WHEN document.active_version IS NULL THEN EXCLUDED.title ELSE document.title END,
                    filename = CASE WHEN document.active_version IS NULL THEN EXCLUDED.filename ELSE document.filename END,
                    content_type = CASE WHEN document.active_version IS NULL THEN EXCLUDED.content_type
                                        ELSE document.content_type END,
                    collection = CASE WHEN document.active_version IS NULL THEN EXCLUDED.collection
                                      ELSE document.collection END,
                    tags = CASE WHEN document.active_version IS NULL THEN EXCLUDED.tags ELSE document.tags END,
                    uploaded_by = CASE WHEN document.active_version IS NULL THEN EXCLUDED.uploaded_by
                                       ELSE document.uploaded_by END,
                    uploaded_at = CASE WHEN document.active_version IS NULL THEN EXCLUDED.uploaded_at
                                       ELSE document.uploaded_at END,
                    updated_at = now()
                """,
                r.documentId(),
                r.tenantId(),
                r.version(),
                r.metadata().title(),
                r.filename(),
                r.contentType(),
                r.metadata().collection(),
                tags,
                r.uploadedBy(),
                at);
    }

    @Override
    public void recordStatus(UUID tenantId, UUID documentId, int version, String status) {
        jdbc.update(
                """
                INSERT INTO document_version (document_id, version, tenant_id, status) VALUES (?, ?, ?, ?)
                ON CONFLICT (document_id, version) DO UPDATE SET status = EXCLUDED.status
                """,
                documentId,
                version,
                tenantId,
                status);
        jdbc.update(
                "UPDATE document SET status = ?, updated_at = now() WHERE document_id = ? AND latest_version <= ?",
                status,
                documentId,
                version);
    }

    @Override
    public void recordFailed(DocumentFailed failed) {
        recordStatus(failed.tenantId(), failed.documentId(), failed.version(), "FAILED");
        jdbc.update(
                "UPDATE document SET failure_code = ? WHERE document_id = ? AND latest_version <= ?",
                failed.errorCode(),
                failed.documentId(),
                failed.version());
        // Staged chunks of the failed version will never complete; an active version stays searchable.
        jdbc.update(
                """
                DELETE FROM chunk c WHERE c.document_id = ? AND c.version = ?
                  AND NOT EXISTS (SELECT FROM document d WHERE d.document_id = c.document_id
                                  AND d.active_version = c.version)
                """,
                failed.documentId(),
                failed.version());
        jdbc.update(
                "UPDATE document_version SET staged_chunks = 0 WHERE document_id = ? AND version = ?"
                        + " AND NOT EXISTS (SELECT FROM document d WHERE d.document_id = ? AND d.active_version = ?)",
                failed.documentId(),
                failed.version(),
                failed.documentId(),
                failed.version());
    }

    @Override
    public void stageChunks(List<StagedChunk> chunks) {
        Map<VersionKey, Integer> inserted = new TreeMap<>();
        for (int from = 0; from < chunks.size(); from += CHUNKS_PER_STATEMENT) {
            upsertChunks(chunks.subList(from, Math.min(chunks.size(), from + CHUNKS_PER_STATEMENT)), inserted);
        }
        // Also the lock that serialises a version's chunk and DocumentIndexed transactions (class comment of
        // DocumentProjection): taken for every version touched, in one order, counting only new chunks.
        List<Object[]> counts = new ArrayList<>();
        inserted.forEach((v, n) -> counts.add(new Object[] {v.documentId(), v.version(), v.tenantId(), n}));
        jdbc.batchUpdate(
                """
                INSERT INTO document_version (document_id, version, tenant_id, status, staged_chunks)
                VALUES (?, ?, ?, 'PROCESSING', ?)
                ON CONFLICT (document_id, version) DO UPDATE
                SET staged_chunks = document_version.staged_chunks + EXCLUDED.staged_chunks
                """,
                counts);
    }

    /** One multi-row upsert; adds the freshly inserted chunks per version to {@code inserted}. */
    private void upsertChunks(List<StagedChunk> chunks, Map<VersionKey, Integer> inserted) {
        StringBuilder sql = new StringBuilder(
                """
                INSERT INTO chunk (chunk_id, tenant_id, document_id, version, ordinal, text, page, page_end,
                                   start_offset, end_offset, heading_path, token_count, embedding_model, embedding)
                VALUES\s""");
        List<Object> args = new ArrayList<>(chunks.size() * 14);
        for (int i = 0; i < chunks.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::text[], ?, ?, ?)");
            ChunkEmbedded c = chunks.get(i).chunk();
            float[] vector = chunks.get(i).vector();
            args.add(c.chunkId());
            args.add(c.tenantId());
            args.add(c.documentId());
            args.add(c.version());
            args.add(c.ordinal());
            args.add(c.text());
            args.add(c.page());
            args.add(c.pageEnd());
            args.add(c.start());
            args.add(c.end());
            args.add(c.headingPath().toArray(String[]::new));
            args.add(c.tokenCount());
            args.add(c.embedding().model());
            args.add(vector == null ? null : new PGvector(vector));
        }
        // xmax = 0 only on a freshly inserted row: an upsert of a chunk id already stored does not count again.
        sql.append(
                """

                ON CONFLICT (chunk_id) DO UPDATE SET
                    ordinal = EXCLUDED.ordinal, text = EXCLUDED.text, page = EXCLUDED.page,
                    page_end = EXCLUDED.page_end, start_offset = EXCLUDED.start_offset,
                    end_offset = EXCLUDED.end_offset, heading_path = EXCLUDED.heading_path,
                    token_count = EXCLUDED.token_count, embedding_model = EXCLUDED.embedding_model,
                    embedding = EXCLUDED.embedding
                RETURNING tenant_id, document_id, version, (xmax = 0) AS inserted
                """);
        jdbc.query(
                sql.toString(),
                rs -> {
                    VersionKey key =
                            new VersionKey(rs.getObject(2, UUID.class), rs.getInt(3), rs.getObject(1, UUID.class));
                    inserted.merge(key, rs.getBoolean(4) ? 1 : 0, Integer::sum);
                },
                args.toArray());
    }

    /** A version of a document, ordered so that locks are always taken in the same order. */
    private record VersionKey(UUID documentId, int version, UUID tenantId) implements Comparable<VersionKey> {
        @Override
        public int compareTo(VersionKey other) {
            int byDocument = documentId.compareTo(other.documentId);
            return byDocument != 0 ? byDocument : Integer.compare(version, other.version);
        }
    }

    @Override
    public void expectChunks(DocumentIndexed i) {
        jdbc.update(
                """
                INSERT INTO document_version (document_id, version, tenant_id, status, expected_chunks, page_count,
                                              embedding_model, dimension)
                VALUES (?, ?, ?, 'INDEXED', ?, ?, ?, ?)
                ON CONFLICT (document_id, version) DO UPDATE SET
                    expected_chunks = EXCLUDED.expected_chunks, page_count = EXCLUDED.page_count,
                    embedding_model = EXCLUDED.embedding_model, dimension = EXCLUDED.dimension,
                    status = CASE WHEN document_version.status = 'READY' THEN 'READY' ELSE 'INDEXED' END
                """,
                i.documentId(),
                i.version(),
                i.tenantId(),
                i.chunkCount(),
                i.pageCount(),
                i.embeddingModel(),
                i.dimension());
    }

    @Override
    public boolean activateIfComplete(UUID tenantId, UUID documentId, int version) {
        List<Map<String, Object>> rows = jdbc.queryForList(
                "SELECT expected_chunks, staged_chunks, status FROM document_version"
                        + " WHERE document_id = ? AND version = ? FOR UPDATE",
                documentId,
                version);
        if (rows.isEmpty()) {
            return false;
        }
        Integer expected = (Integer) rows.get(0).get("expected_chunks");
        int staged = (Integer) rows.get(0).get("staged_chunks");
        if (expected == null || staged < expected || "FAILED".equals(rows.get(0).get("status"))) {
            return false;
        }
        // The document row exists from DocumentReceived (same topic, earlier); created here if that was lost.
        jdbc.update(
                """
                INSERT INTO document (document_id, tenant_id, latest_version, status) VALUES (?, ?, ?, 'READY')
                ON CONFLICT (document_id) DO NOTHING
                """,
                documentId,
                tenantId,
                version);
        Integer active = jdbc.queryForObject(
                "SELECT active_version FROM document WHERE document_id = ? FOR UPDATE", Integer.class, documentId);
        if (active != null && active > version) {
            jdbc.update("DELETE FROM chunk WHERE document_id = ? AND version = ?", documentId, version);
            return false;
        }
        // One UPDATE makes the version searchable and its predecessor not; the older chunks go in the same
        // transaction, so a search sees either the old version or the new one, never both or neither.
        jdbc.update(
                """
                UPDATE document d SET
                    active_version = v.version,
                    status = CASE WHEN v.version >= d.latest_version THEN 'READY' ELSE d.status END,
                    latest_version = GREATEST(d.latest_version, v.version),
                    title = v.title, filename = v.filename, content_type = v.content_type,
                    collection = v.collection, tags = v.tags, uploaded_by = v.uploaded_by, uploaded_at = v.uploaded_at,
                    page_count = v.page_count, chunk_count = v.expected_chunks, embedding_model = v.embedding_model,
                    failure_code = CASE WHEN v.version >= d.latest_version THEN NULL ELSE d.failure_code END,
                    updated_at = now()
                FROM document_version v
                WHERE d.document_id = ? AND v.document_id = d.document_id AND v.version = ?
                """,
                documentId,
                version);
        jdbc.update(
                "UPDATE document_version SET status = 'READY' WHERE document_id = ? AND version = ?",
                documentId,
                version);
        jdbc.update("DELETE FROM chunk WHERE document_id = ? AND version < ?", documentId, version);
        // Re-indexing the same version with fewer chunks leaves ordinals beyond the new count behind.
        int trimmed = jdbc.update(
                "DELETE FROM chunk WHERE document_id = ? AND version = ? AND ordinal >= ?",
                documentId,
                version,
                expected);
        if (trimmed > 0) {
            jdbc.update(
                    "UPDATE document_version SET staged_chunks = ? WHERE document_id = ? AND version = ?",
                    expected,
                    documentId,
                    version);
        }
        return true;
    }

    @Override
    public void purge(UUID tenantId, UUID documentId, Instant deletedAt) {
        jdbc.update("DELETE FROM chunk WHERE document_id = ?", documentId);
        jdbc.update("DELETE FROM document_version WHERE document_id = ?", documentId);
        jdbc.update("DELETE FROM document WHERE document_id = ?", documentId);
        jdbc.update(
                "INSERT INTO deleted_document (document_id, tenant_id, deleted_at) VALUES (?, ?, ?)"
                        + " ON CONFLICT DO NOTHING",
                documentId,
                tenantId,
                utc(deletedAt));
    }

    @Override
    public void recordAnalysis(AnalysisCompleted a) {
        String[] categories = a.clauses().stream()
                .filter(c -> c.count() > 0)
                .map(ClauseSummary::category)
                .distinct()
                .sorted()
                .toArray(String[]::new);
        // Analysis results travel on their own topic and may arrive before the document: a placeholder row holds
        // them until DocumentReceived fills it in. An older version's result never overwrites a newer one.
        jdbc.update(
                """
                INSERT INTO document (document_id, tenant_id, status, risk_score, clause_categories, analysis_version,
                                      playbook_id)
                VALUES (?, ?, 'RECEIVED', ?, ?::text[], ?, ?)
                ON CONFLICT (document_id) DO UPDATE SET
                    risk_score = EXCLUDED.risk_score, clause_categories = EXCLUDED.clause_categories,
                    analysis_version = EXCLUDED.analysis_version, playbook_id = EXCLUDED.playbook_id,
                    updated_at = now()
                WHERE document.analysis_version IS NULL OR document.analysis_version <= EXCLUDED.analysis_version
                """,
                a.documentId(),
                a.tenantId(),
                a.riskScore(),
                categories,
                a.version(),
                a.playbookId());
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
