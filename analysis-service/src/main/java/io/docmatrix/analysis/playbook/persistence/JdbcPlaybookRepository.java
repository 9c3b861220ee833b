package io.docmatrix.analysis.playbook.persistence;

import io.docmatrix.analysis.playbook.Playbook;
import io.docmatrix.analysis.playbook.PlaybookRepository;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

@Repository
class JdbcPlaybookRepository implements PlaybookRepository {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    JdbcPlaybookRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    public Optional<Playbook> latest(UUID tenantId, String id) {
        return jdbc.sql("SELECT definition FROM playbook WHERE tenant_id = :tenant AND id = :id"
                        + " ORDER BY version DESC LIMIT 1")
                .param("tenant", tenantId)
                .param("id", id)
                .query(String.class)
                .optional()
                .map(this::read);
    }

    @Override
    public Optional<Playbook> version(UUID tenantId, String id, int version) {
        return jdbc.sql("SELECT definition FROM playbook WHERE tenant_id = :tenant AND id = :id AND version = :version")
                .param("tenant", tenantId)
                .param("id", id)
                .param("version", version)
                .query(String.class)
                .optional()
                .map(this::read);
    }

    @Override
    public List<Playbook> latestOfEach(UUID tenantId) {
        return jdbc
                .sql("SELECT DISTINCT ON (id) definition FROM playbook WHERE tenant_id = :tenant"
                        + " ORDER BY id, version DESC")
                .param("tenant", tenantId)
                .query(String.class)
                .list()
                .stream()
                .map(this::read)
                .toList();
    }

    @Override
    public Playbook append(UUID tenantId, Playbook playbook, int minimumVersion, String createdBy) {
        int next = jdbc.sql("SELECT greatest(coalesce(max(version), 0) + 1, :minimum) FROM playbook"
                        + " WHERE tenant_id = :tenant AND id = :id")
                .param("minimum", minimumVersion)
                .param("tenant", tenantId)
                .param("id", playbook.id())
                .query(Integer.class)
                .single();
        Playbook stored = new Playbook(playbook.id(), next, playbook.name(), playbook.rules(), playbook.thresholds());
        try {
            jdbc.sql("INSERT INTO playbook (tenant_id, id, version, definition, created_by)"
                            + " VALUES (:tenant, :id, :version, CAST(:definition AS jsonb), :by)")
                    .param("tenant", tenantId)
                    .param("id", stored.id())
                    .param("version", next)
                    .param("definition", json.writeValueAsString(stored))
                    .param("by", createdBy)
                    .update();
        } catch (DuplicateKeyException e) {
            throw new ConcurrentPlaybookChangeException(
                    "playbook " + stored.id() + " version " + next + " was created concurrently", e);
        }
        return stored;
    }

    private Playbook read(String definition) {
        return json.readValue(definition, Playbook.class);
    }
}
