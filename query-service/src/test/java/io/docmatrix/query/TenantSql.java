package io.docmatrix.query;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Reads the read store as the application role does: in a transaction bound to one tenant. */
public final class TenantSql {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    public TenantSql(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    public <T> T as(UUID tenantId, Function<JdbcTemplate, T> work) {
        return transactions.execute(status -> {
            jdbc.queryForObject("SELECT set_config('app.tenant_id', ?, true)", String.class, tenantId.toString());
            return work.apply(jdbc);
        });
    }

    public List<Map<String, Object>> rows(UUID tenantId, String sql, Object... args) {
        return as(tenantId, j -> j.queryForList(sql, args));
    }

    /** Everything the store holds about the tenant, without timestamps of the projection's own clock. */
    public List<Map<String, Object>> snapshot(UUID tenantId) {
        return as(tenantId, j -> {
            List<Map<String, Object>> all = new java.util.ArrayList<>();
            all.addAll(j.queryForList("SELECT document_id, latest_version, active_version, status, title, filename,"
                    + " content_type, collection, tags::text, uploaded_at, chunk_count, risk_score,"
                    + " clause_categories::text, analysis_version FROM document ORDER BY document_id"));
            all.addAll(j.queryForList("SELECT document_id, version, status, expected_chunks, staged_chunks"
                    + " FROM document_version ORDER BY document_id, version"));
            all.addAll(j.queryForList("SELECT chunk_id, document_id, version, ordinal, text, page, start_offset,"
                    + " end_offset, heading_path::text, embedding::text FROM chunk ORDER BY chunk_id"));
            all.addAll(j.queryForList("SELECT document_id FROM deleted_document ORDER BY document_id"));
            return all;
        });
    }
}
