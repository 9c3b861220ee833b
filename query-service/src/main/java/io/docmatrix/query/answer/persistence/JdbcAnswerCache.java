package io.docmatrix.query.answer.persistence;

import io.docmatrix.query.answer.Answer;
import io.docmatrix.query.answer.AnswerCache;
import io.docmatrix.query.answer.AnswerProperties;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** The answer cache in table {@code answer_cache}: answers as JSON, keyed by tenant and question hash. */
@Repository
class JdbcAnswerCache implements AnswerCache {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final TenantTransactions tenants;
    private final long ttlSeconds;

    JdbcAnswerCache(JdbcClient jdbc, TenantTransactions tenants, AnswerProperties properties) {
        this.jdbc = jdbc;
        this.tenants = tenants;
        this.ttlSeconds = properties.cache().ttl().toSeconds();
    }

    @Override
    public Lookup find(UUID tenantId, String key) {
        return tenants.in(tenantId, () -> {
            long generation = jdbc.sql(
                            "SELECT coalesce((SELECT generation FROM answer_cache_generation WHERE tenant_id = ?), 0)")
                    .param(tenantId)
                    .query(Long.class)
                    .single();
            Optional<Answer> answer = jdbc.sql(
                            """
                            SELECT answer::text FROM answer_cache
                            WHERE tenant_id = ? AND cache_key = ? AND created_at > now() - make_interval(secs => ?)
                            """)
                    .params(tenantId, key, ttlSeconds)
                    .query(String.class)
                    .optional()
                    .map(json -> JSON.readValue(json, Answer.class));
            return new Lookup(answer, generation);
        });
    }

    @Override
    public void put(UUID tenantId, String key, List<UUID> scope, Answer answer, long generation) {
        String documents = scope.stream().map(UUID::toString).collect(Collectors.joining(",", "{", "}"));
        tenants.run(tenantId, () -> {
            // The shared lock makes a concurrent eviction wait until this insert committed, so its delete sees (and
            // removes) the row; an eviction that came first has moved the generation on, and nothing is stored.
            jdbc.sql("INSERT INTO answer_cache_generation (tenant_id) VALUES (?) ON CONFLICT DO NOTHING")
                    .param(tenantId)
                    .update();
            long current = jdbc.sql("SELECT generation FROM answer_cache_generation WHERE tenant_id = ? FOR SHARE")
                    .param(tenantId)
                    .query(Long.class)
                    .single();
            if (current != generation) {
                return;
            }
            jdbc.sql(
                            """
                            INSERT INTO answer_cache (tenant_id, cache_key, document_ids, all_documents, answer)
                            VALUES (?, ?, ?::uuid[], ?, ?::jsonb)
                            ON CONFLICT (tenant_id, cache_key) DO UPDATE
                            SET document_ids = excluded.document_ids, all_documents = excluded.all_documents,
                                answer = excluded.answer, created_at = now()
                            """)
                    .params(tenantId, key, documents, scope.isEmpty(), JSON.writeValueAsString(answer))
                    .update();
            // expired entries of this tenant go on the way, so the table does not grow with questions never repeated
            jdbc.sql("DELETE FROM answer_cache WHERE tenant_id = ? AND created_at < now() - make_interval(secs => ?)")
                    .params(tenantId, ttlSeconds)
                    .update();
        });
    }

    @Override
    public void evict(UUID tenantId, UUID documentId) {
        tenants.run(tenantId, () -> {
            jdbc.sql(
                            """
                            INSERT INTO answer_cache_generation (tenant_id, generation) VALUES (?, 1)
                            ON CONFLICT (tenant_id) DO UPDATE SET generation = answer_cache_generation.generation + 1
                            """)
                    .param(tenantId)
                    .update();
            jdbc.sql(
                            """
                            DELETE FROM answer_cache
                            WHERE tenant_id = ? AND (all_documents OR document_ids @> ARRAY[?::uuid])
                            """)
                    .params(tenantId, documentId)
                    .update();
        });
    }
}
