package io.docmatrix.analysis.pipeline.persistence;

import io.docmatrix.analysis.clause.DocumentKind;
import io.docmatrix.analysis.pipeline.AnalysisRepository;
import io.docmatrix.analysis.pipeline.AnalysisResult;
import io.docmatrix.analysis.pipeline.AnalysisStatus;
import io.docmatrix.analysis.pipeline.ClaimedAnalysis;
import io.docmatrix.analysis.pipeline.StoredAnalysis;
import io.docmatrix.analysis.playbook.PlaybookRef;
import io.docmatrix.runtime.observability.TraceContinuation;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

@Repository
class JdbcAnalysisRepository implements AnalysisRepository {

    private static final String COLUMNS = "id, tenant_id, document_id, version, status, playbook_id, playbook_version,"
            + " result, error_code, error_detail, requested_at, finished_at";

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final TraceContinuation traces;

    JdbcAnalysisRepository(JdbcClient jdbc, JsonMapper json, TraceContinuation traces) {
        this.jdbc = jdbc;
        this.json = json;
        this.traces = traces;
    }

    @Override
    public UUID enqueue(
            UUID tenantId,
            UUID documentId,
            int version,
            String trigger,
            @Nullable String playbookId,
            @Nullable String requestedBy) {
        UUID id = UUID.randomUUID();
        jdbc.sql(
                        "INSERT INTO analysis (id, tenant_id, document_id, version, status, trigger, playbook_id, requested_by,"
                                + " traceparent)"
                                + " VALUES (:id, :tenant, :document, :version, 'PENDING', :trigger, :playbook, :by,"
                                + " :traceparent)")
                .param("id", id)
                .param("tenant", tenantId)
                .param("document", documentId)
                .param("version", version)
                .param("trigger", trigger)
                .param("playbook", playbookId)
                .param("by", requestedBy)
                // The queuing operation's trace (a listener's consumer span, a request's span), resumed by the worker.
                .param("traceparent", traces.capture(null))
                .update();
        return id;
    }

    @Override
    public Optional<ClaimedAnalysis> claimNext(String owner, Duration lease) {
        // SKIP LOCKED lets any number of workers, in any number of instances, take distinct analyses without waiting.
        return jdbc.sql(
                        """
                        UPDATE analysis a
                           SET status = 'RUNNING', lease_owner = :owner, lease_until = now() + CAST(:lease AS interval),
                               attempts = attempts + 1
                          FROM (SELECT id FROM analysis
                                 WHERE status = 'PENDING' AND not_before <= now()
                                 ORDER BY requested_at
                                 LIMIT 1
                                 FOR UPDATE SKIP LOCKED) next
                         WHERE a.id = next.id
                        RETURNING a.id, a.tenant_id, a.document_id, a.version, a.attempts, a.playbook_id, a.traceparent
                        """)
                .param("owner", owner)
                .param("lease", lease.toMillis() + " milliseconds")
                .query(JdbcAnalysisRepository::claimed)
                .optional();
    }

    @Override
    public boolean renewLease(UUID id, String owner, Duration lease) {
        return jdbc.sql("UPDATE analysis SET lease_until = now() + CAST(:lease AS interval)"
                                + " WHERE id = :id AND lease_owner = :owner AND status = 'RUNNING'")
                        .param("lease", lease.toMillis() + " milliseconds")
                        .param("id", id)
                        .param("owner", owner)
                        .update()
                == 1;
    }

    @Override
    public boolean complete(UUID id, String owner, PlaybookRef playbook, DocumentKind kind, AnalysisResult result) {
        return jdbc.sql(
                                """
                        UPDATE analysis
                           SET status = 'COMPLETED', playbook_id = :playbook, playbook_version = :playbookVersion,
                               kind = :kind, risk_score = :score, result = CAST(:result AS jsonb), finished_at = now(),
                               lease_owner = NULL, lease_until = NULL
                         WHERE id = :id AND lease_owner = :owner AND status = 'RUNNING'
                        """)
                        .param("playbook", playbook.id())
                        .param("playbookVersion", playbook.version())
                        .param("kind", kind.name())
                        .param("score", result.riskScore())
                        .param("result", json.writeValueAsString(result))
                        .param("id", id)
                        .param("owner", owner)
                        .update()
                == 1;
    }

    @Override
    public boolean fail(UUID id, String owner, String code, String detail) {
        return jdbc.sql(
                                """
                        UPDATE analysis
                           SET status = 'FAILED', error_code = :code, error_detail = :detail, finished_at = now(),
                               lease_owner = NULL, lease_until = NULL
                         WHERE id = :id AND lease_owner = :owner AND status = 'RUNNING'
                        """)
                        .param("code", code)
                        .param("detail", detail)
                        .param("id", id)
                        .param("owner", owner)
                        .update()
                == 1;
    }

    @Override
    public boolean retryLater(UUID id, String owner, Duration delay) {
        return jdbc.sql(
                                """
                        UPDATE analysis
                           SET status = 'PENDING', not_before = now() + CAST(:delay AS interval), lease_owner = NULL,
                               lease_until = NULL
                         WHERE id = :id AND lease_owner = :owner AND status = 'RUNNING'
                        """)
                        .param("delay", delay.toMillis() + " milliseconds")
                        .param("id", id)
                        .param("owner", owner)
                        .update()
                == 1;
    }

    @Override
    public UUID failed(UUID tenantId, UUID documentId, int version, String code, String detail) {
        UUID id = UUID.randomUUID();
        jdbc.sql(
                        """
                        INSERT INTO analysis (id, tenant_id, document_id, version, status, trigger, error_code,
                                              error_detail, finished_at)
                        VALUES (:id, :tenant, :document, :version, 'FAILED', 'INDEXED', :code, :detail, now())
                        """)
                .param("id", id)
                .param("tenant", tenantId)
                .param("document", documentId)
                .param("version", version)
                .param("code", code)
                .param("detail", detail)
                .update();
        return id;
    }

    @Override
    public List<ClaimedAnalysis> expireLeases(int maxAttempts, String code, String detail) {
        jdbc.sql("UPDATE analysis SET status = 'PENDING', lease_owner = NULL, lease_until = NULL"
                        + " WHERE status = 'RUNNING' AND lease_until < now() AND attempts < :max")
                .param("max", maxAttempts)
                .update();
        return jdbc.sql(
                        """
                        UPDATE analysis
                           SET status = 'FAILED', error_code = :code, error_detail = :detail, finished_at = now(),
                               lease_owner = NULL, lease_until = NULL
                         WHERE status = 'RUNNING' AND lease_until < now() AND attempts >= :max
                        RETURNING id, tenant_id, document_id, version, attempts, playbook_id
                        """)
                .param("code", code)
                .param("detail", detail)
                .param("max", maxAttempts)
                .query(JdbcAnalysisRepository::claimed)
                .list();
    }

    @Override
    public Optional<StoredAnalysis> find(UUID tenantId, UUID analysisId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM analysis WHERE tenant_id = :tenant AND id = :id")
                .param("tenant", tenantId)
                .param("id", analysisId)
                .query(stored())
                .optional();
    }

    @Override
    public Optional<StoredAnalysis> latest(UUID tenantId, UUID documentId, int version) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM analysis"
                        + " WHERE tenant_id = :tenant AND document_id = :document AND version = :version"
                        + " ORDER BY requested_at DESC, id LIMIT 1")
                .param("tenant", tenantId)
                .param("document", documentId)
                .param("version", version)
                .query(stored())
                .optional();
    }

    @Override
    public Optional<StoredAnalysis> latestCompleted(UUID tenantId, UUID documentId, int version) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM analysis"
                        + " WHERE tenant_id = :tenant AND document_id = :document AND version = :version"
                        + " AND status = 'COMPLETED' ORDER BY requested_at DESC, id LIMIT 1")
                .param("tenant", tenantId)
                .param("document", documentId)
                .param("version", version)
                .query(stored())
                .optional();
    }

    @Override
    public Optional<Integer> latestVersion(UUID tenantId, UUID documentId) {
        return jdbc.sql("SELECT version FROM analysis WHERE tenant_id = :tenant AND document_id = :document"
                        + " ORDER BY version DESC LIMIT 1")
                .param("tenant", tenantId)
                .param("document", documentId)
                .query(Integer.class)
                .optional();
    }

    @Override
    public void purge(UUID tenantId, UUID documentId) {
        jdbc.sql("DELETE FROM analysis WHERE tenant_id = :tenant AND document_id = :document")
                .param("tenant", tenantId)
                .param("document", documentId)
                .update();
    }

    private static ClaimedAnalysis claimed(ResultSet rs, int row) throws SQLException {
        return new ClaimedAnalysis(
                rs.getObject("id", UUID.class),
                rs.getObject("tenant_id", UUID.class),
                rs.getObject("document_id", UUID.class),
                rs.getInt("version"),
                rs.getInt("attempts"),
                rs.getString("playbook_id"),
                rs.getString("traceparent"));
    }

    private RowMapper<StoredAnalysis> stored() {
        return (rs, row) -> {
            String playbook = rs.getString("playbook_id");
            int playbookVersion = rs.getInt("playbook_version");
            String result = rs.getString("result");
            Timestamp finished = rs.getTimestamp("finished_at");
            return new StoredAnalysis(
                    rs.getObject("id", UUID.class),
                    rs.getObject("tenant_id", UUID.class),
                    rs.getObject("document_id", UUID.class),
                    rs.getInt("version"),
                    AnalysisStatus.valueOf(rs.getString("status")),
                    playbook == null || playbookVersion == 0 ? null : new PlaybookRef(playbook, playbookVersion),
                    result == null ? null : json.readValue(result, AnalysisResult.class),
                    rs.getString("error_code"),
                    rs.getString("error_detail"),
                    rs.getTimestamp("requested_at").toInstant(),
                    finished == null ? null : finished.toInstant());
        };
    }
}
