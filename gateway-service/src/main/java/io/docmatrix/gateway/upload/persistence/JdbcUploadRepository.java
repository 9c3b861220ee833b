package io.docmatrix.gateway.upload.persistence;

import io.docmatrix.gateway.upload.UploadRepository;
import io.docmatrix.gateway.upload.UploadResult;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcUploadRepository implements UploadRepository {

    private final JdbcClient jdbc;

    JdbcUploadRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void lock(UUID tenantId, String key) {
        // Transaction-scoped advisory lock: released at commit or rollback, never leaked.
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))")
                .param("key", tenantId + "|" + key)
                .query()
                .singleValue();
    }

    @Override
    public Optional<UploadResult> idempotentAnswer(UUID tenantId, String key, String sha256) {
        return jdbc.sql(
                        """
                        SELECT k.document_id, k.version, k.duplicate, u.content_type
                          FROM idempotency_key k
                          JOIN upload u ON u.document_id = k.document_id AND u.version = k.version
                         WHERE k.tenant_id = :tenant AND k.key = :key AND k.sha256 = :sha
                        """)
                .param("tenant", tenantId)
                .param("key", key)
                .param("sha", sha256)
                .query((rs, row) -> new UploadResult(
                        rs.getObject("document_id", UUID.class),
                        rs.getInt("version"),
                        rs.getString("content_type"),
                        rs.getBoolean("duplicate"),
                        true))
                .optional();
    }

    @Override
    public Optional<String> idempotencyKeyHash(UUID tenantId, String key) {
        return jdbc.sql("SELECT sha256 FROM idempotency_key WHERE tenant_id = :tenant AND key = :key")
                .param("tenant", tenantId)
                .param("key", key)
                .query(String.class)
                .optional();
    }

    @Override
    public void rememberIdempotencyKey(UUID tenantId, String key, String sha256, UploadResult result) {
        jdbc.sql(
                        """
                        INSERT INTO idempotency_key (tenant_id, key, sha256, document_id, version, duplicate)
                        VALUES (:tenant, :key, :sha, :document, :version, :duplicate)
                        """)
                .param("tenant", tenantId)
                .param("key", key)
                .param("sha", sha256)
                .param("document", result.documentId())
                .param("version", result.version())
                .param("duplicate", result.duplicate())
                .update();
    }

    @Override
    public Optional<UploadResult> findByHash(UUID tenantId, String sha256) {
        return jdbc.sql(
                        """
                        SELECT document_id, version, content_type FROM upload
                         WHERE tenant_id = :tenant AND sha256 = :sha
                         ORDER BY created_at DESC LIMIT 1
                        """)
                .param("tenant", tenantId)
                .param("sha", sha256)
                .query((rs, row) -> new UploadResult(
                        rs.getObject("document_id", UUID.class),
                        rs.getInt("version"),
                        rs.getString("content_type"),
                        false,
                        false))
                .optional();
    }

    @Override
    public Optional<LatestVersion> findLogicalDocument(UUID tenantId, @Nullable String externalId, String filename) {
        String sql = externalId != null
                ? "SELECT document_id, max(version) AS version FROM upload"
                        + " WHERE tenant_id = :tenant AND external_id = :externalId GROUP BY document_id"
                : "SELECT document_id, max(version) AS version FROM upload"
                        + " WHERE tenant_id = :tenant AND external_id IS NULL AND filename = :filename"
                        + " GROUP BY document_id";
        JdbcClient.StatementSpec statement =
                jdbc.sql(sql + " ORDER BY max(created_at) DESC LIMIT 1").param("tenant", tenantId);
        statement =
                externalId != null ? statement.param("externalId", externalId) : statement.param("filename", filename);
        return statement
                .query((rs, row) -> new LatestVersion(rs.getObject("document_id", UUID.class), rs.getInt("version")))
                .optional();
    }

    @Override
    public void insert(NewUpload upload) {
        jdbc.sql(
                        """
                        INSERT INTO upload (document_id, version, tenant_id, sha256, size_bytes, content_type, filename,
                                            external_id, blob_store, blob_key, uploaded_by)
                        VALUES (:document, :version, :tenant, :sha, :size, :contentType, :filename, :externalId,
                                :blobStore, :blobKey, :uploadedBy)
                        """)
                .param("document", upload.documentId())
                .param("version", upload.version())
                .param("tenant", upload.tenantId())
                .param("sha", upload.sha256())
                .param("size", upload.sizeBytes())
                .param("contentType", upload.contentType())
                .param("filename", upload.filename())
                .param("externalId", upload.externalId())
                .param("blobStore", upload.blob().store())
                .param("blobKey", upload.blob().key())
                .param("uploadedBy", upload.uploadedBy())
                .update();
    }

    @Override
    public void forget(UUID tenantId, UUID documentId) {
        jdbc.sql("DELETE FROM idempotency_key WHERE tenant_id = :tenant AND document_id = :document")
                .param("tenant", tenantId)
                .param("document", documentId)
                .update();
        jdbc.sql("DELETE FROM upload WHERE tenant_id = :tenant AND document_id = :document")
                .param("tenant", tenantId)
                .param("document", documentId)
                .update();
    }
}
