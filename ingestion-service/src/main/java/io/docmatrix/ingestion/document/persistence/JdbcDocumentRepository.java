package io.docmatrix.ingestion.document.persistence;

import io.docmatrix.contracts.upload.BlobReference;
import io.docmatrix.contracts.upload.DocumentUploaded;
import io.docmatrix.ingestion.document.ChunkIds;
import io.docmatrix.ingestion.document.ClaimedDocument;
import io.docmatrix.ingestion.document.DocumentRepository;
import io.docmatrix.ingestion.document.ExtractedText;
import io.docmatrix.ingestion.document.NewChunk;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcDocumentRepository implements DocumentRepository {

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    JdbcDocumentRepository(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    @Override
    public boolean receive(DocumentUploaded upload, @Nullable String traceparent) {
        int inserted = jdbc.sql(
                        """
                        INSERT INTO document (id, version, tenant_id, status, filename, content_type, size_bytes, sha256,
                                              blob_store, blob_key, uploaded_by, title, tags, collection, external_id,
                                              received_at, traceparent)
                        VALUES (:id, :version, :tenant, 'RECEIVED', :filename, :contentType, :size, :sha256,
                                :blobStore, :blobKey, :uploadedBy, :title, :tags, :collection, :externalId, :receivedAt,
                                :traceparent)
                        ON CONFLICT (id, version) DO NOTHING
                        """)
                .param("id", upload.documentId())
                .param("version", upload.version())
                .param("tenant", upload.tenantId())
                .param("filename", upload.filename())
                .param("contentType", upload.contentType())
                .param("size", upload.sizeBytes())
                .param("sha256", upload.sha256())
                .param("blobStore", upload.blob().store())
                .param("blobKey", upload.blob().key())
                .param("uploadedBy", upload.uploadedBy())
                .param("title", upload.metadata().title())
                .param("tags", upload.metadata().tags().toArray(String[]::new))
                .param("collection", upload.metadata().collection())
                .param("externalId", upload.metadata().externalId())
                .param("receivedAt", Timestamp.from(upload.occurredAt()))
                .param("traceparent", traceparent)
                .update();
        if (inserted == 1) {
            // Only the newest version of a document appears in listings.
            jdbc.sql("UPDATE document SET latest = (version = (SELECT max(version) FROM document WHERE id = :id))"
                            + " WHERE id = :id")
                    .param("id", upload.documentId())
                    .update();
        }
        return inserted == 1;
    }

    @Override
    public Optional<ClaimedDocument> claimNext(String owner, Duration lease) {
        // SKIP LOCKED lets any number of workers, in any number of instances, take distinct documents without waiting.
        return jdbc.sql(
                        """
                        UPDATE document d
                           SET status = 'PARSING', lease_owner = :owner, lease_until = now() + CAST(:lease AS interval),
                               attempts = attempts + 1, parsing_started_at = now(), embedding_started_at = NULL,
                               error_code = NULL, error_detail = NULL, updated_at = now()
                          FROM (SELECT id, version FROM document
                                 WHERE status = 'RECEIVED'
                                 ORDER BY received_at
                                 LIMIT 1
                                 FOR UPDATE SKIP LOCKED) next
                         WHERE d.id = next.id AND d.version = next.version
                        RETURNING d.id, d.version, d.tenant_id, d.filename, d.content_type, d.size_bytes, d.blob_store,
                                  d.blob_key, d.attempts, d.traceparent
                        """)
                .param("owner", owner)
                .param("lease", lease.toMillis() + " milliseconds")
                .query((rs, row) -> new ClaimedDocument(
                        rs.getObject("id", UUID.class),
                        rs.getInt("version"),
                        rs.getObject("tenant_id", UUID.class),
                        rs.getString("filename"),
                        rs.getString("content_type"),
                        rs.getLong("size_bytes"),
                        new BlobReference(rs.getString("blob_store"), rs.getString("blob_key")),
                        rs.getInt("attempts"),
                        rs.getString("traceparent")))
                .optional();
    }

    @Override
    public boolean renewLease(UUID id, int version, String owner, Duration lease) {
        return jdbc.sql("UPDATE document SET lease_until = now() + CAST(:lease AS interval)"
                                + " WHERE id = :id AND version = :version AND lease_owner = :owner"
                                + " AND status IN ('PARSING', 'EMBEDDING')")
                        .param("lease", lease.toMillis() + " milliseconds")
                        .param("id", id)
                        .param("version", version)
                        .param("owner", owner)
                        .update()
                == 1;
    }

    @Override
    public boolean parsed(UUID id, int version, String owner, ExtractedText text, int pageCount) {
        int updated = jdbc.sql(
                        """
                        UPDATE document
                           SET status = 'EMBEDDING', page_count = :pages, character_count = :chars,
                               embedding_started_at = now(), updated_at = now()
                         WHERE id = :id AND version = :version AND status = 'PARSING' AND lease_owner = :owner
                        """)
                .param("pages", pageCount)
                .param("chars", text.text().length())
                .param("id", id)
                .param("version", version)
                .param("owner", owner)
                .update();
        if (updated == 0) {
            return false;
        }
        jdbc.sql(
                        """
                        INSERT INTO document_text (document_id, version, text, pages)
                        VALUES (:id, :version, :text, CAST(:pages AS jsonb))
                        ON CONFLICT (document_id, version) DO UPDATE SET text = EXCLUDED.text, pages = EXCLUDED.pages
                        """)
                .param("id", id)
                .param("version", version)
                .param("text", text.text())
                .param("pages", pagesJson(text.pages()))
                .update();
        return true;
    }

    @Override
    public boolean indexed(UUID id, int version, String owner, List<NewChunk> chunks, String model, int dimension) {
        List<UUID> tenant = jdbc.sql(
                        """
                        UPDATE document
                           SET status = 'READY', chunk_count = :count, ready_at = now(), lease_owner = NULL,
                               lease_until = NULL, updated_at = now()
                         WHERE id = :id AND version = :version AND status = 'EMBEDDING' AND lease_owner = :owner
                        RETURNING tenant_id
                        """)
                .param("count", chunks.size())
                .param("id", id)
                .param("version", version)
                .param("owner", owner)
                .query(UUID.class)
                .list();
        if (tenant.isEmpty()) {
            return false;
        }
        // A reprocessed version replaces its chunk set whole: readers never see a mix of two runs.
        jdbc.sql("DELETE FROM chunk WHERE document_id = :id AND version = :version")
                .param("id", id)
                .param("version", version)
                .update();
        template.batchUpdate(
                """
                INSERT INTO chunk (id, document_id, version, tenant_id, ordinal, text, page, page_end, start_offset,
                                   end_offset, heading_path, token_count, embedding_model, dimension, embedding)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
                chunks,
                500,
                (ps, chunk) -> {
                    ps.setObject(1, ChunkIds.of(id, version, chunk.ordinal()));
                    ps.setObject(2, id);
                    ps.setInt(3, version);
                    ps.setObject(4, tenant.get(0));
                    ps.setInt(5, chunk.ordinal());
                    ps.setString(6, chunk.text());
                    ps.setInt(7, chunk.page());
                    ps.setInt(8, chunk.pageEnd());
                    ps.setInt(9, chunk.start());
                    ps.setInt(10, chunk.end());
                    ps.setArray(
                            11,
                            ps.getConnection()
                                    .createArrayOf("text", chunk.headingPath().toArray()));
                    ps.setInt(12, chunk.tokenCount());
                    ps.setString(13, model);
                    ps.setInt(14, dimension);
                    ps.setBytes(15, littleEndian(chunk.vector()));
                });
        return true;
    }

    @Override
    public boolean failed(UUID id, int version, String owner, String code, String detail) {
        return jdbc.sql(
                                """
                                UPDATE document
                                   SET status = 'FAILED', error_code = :code, error_detail = :detail, failed_at = now(),
                                       lease_owner = NULL, lease_until = NULL, updated_at = now()
                                 WHERE id = :id AND version = :version AND status IN ('PARSING', 'EMBEDDING')
                                   AND lease_owner = :owner
                                """)
                        .param("code", code)
                        .param("detail", detail)
                        .param("id", id)
                        .param("version", version)
                        .param("owner", owner)
                        .update()
                == 1;
    }

    @Override
    public List<LeaseExpiry> expireLeases(int maxAttempts) {
        return jdbc.sql(
                        """
                        UPDATE document
                           SET status = CASE WHEN attempts >= :max THEN 'FAILED' ELSE 'RECEIVED' END,
                               error_code = CASE WHEN attempts >= :max THEN 'PROCESSING_ABANDONED' END,
                               error_detail = CASE WHEN attempts >= :max
                                   THEN 'Processing did not finish after ' || attempts || ' attempts.' END,
                               failed_at = CASE WHEN attempts >= :max THEN now() END,
                               lease_owner = NULL, lease_until = NULL, updated_at = now()
                         WHERE status IN ('PARSING', 'EMBEDDING') AND lease_until < now()
                        RETURNING id, version, tenant_id, status, attempts
                        """)
                .param("max", maxAttempts)
                .query((rs, row) -> new LeaseExpiry(
                        rs.getObject("id", UUID.class),
                        rs.getInt("version"),
                        rs.getObject("tenant_id", UUID.class),
                        rs.getString("status").equals("FAILED"),
                        rs.getInt("attempts")))
                .list();
    }

    @Override
    public boolean requeue(UUID tenantId, UUID id) {
        return jdbc.sql(
                                """
                                UPDATE document
                                   SET status = 'RECEIVED', attempts = 0, error_code = NULL, error_detail = NULL,
                                       ready_at = NULL, failed_at = NULL, updated_at = now()
                                 WHERE tenant_id = :tenant AND id = :id AND latest AND status IN ('READY', 'FAILED')
                                """)
                        .param("tenant", tenantId)
                        .param("id", id)
                        .update()
                == 1;
    }

    @Override
    public Optional<DeletedDocument> delete(UUID tenantId, UUID id) {
        record Removed(int version, BlobReference blob) {}
        List<Removed> removed = jdbc.sql("DELETE FROM document WHERE tenant_id = :tenant AND id = :id"
                        + " RETURNING version, blob_store, blob_key")
                .param("tenant", tenantId)
                .param("id", id)
                .query((rs, row) -> new Removed(
                        rs.getInt("version"), new BlobReference(rs.getString("blob_store"), rs.getString("blob_key"))))
                .list();
        if (removed.isEmpty()) {
            return Optional.empty();
        }
        int latest = removed.stream().mapToInt(Removed::version).max().orElseThrow();
        return Optional.of(new DeletedDocument(
                latest, removed.stream().map(Removed::blob).distinct().toList()));
    }

    static byte[] littleEndian(float[] vector) {
        ByteBuffer buffer = ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (float value : vector) {
            buffer.putFloat(value);
        }
        return buffer.array();
    }

    private static String pagesJson(List<ExtractedText.PageRange> pages) {
        return pages.stream()
                .map(p -> "{\"page\":" + p.number() + ",\"start\":" + p.start() + ",\"end\":" + p.end() + "}")
                .collect(Collectors.joining(",", "[", "]"));
    }
}
