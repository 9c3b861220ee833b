package io.docmatrix.analysis.clause.persistence;

import io.docmatrix.analysis.clause.ClauseExemplarRepository;
import io.docmatrix.analysis.clause.Exemplar;
import io.docmatrix.analysis.clause.NewExemplar;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

@Repository
class JdbcClauseExemplarRepository implements ClauseExemplarRepository {

    private final JdbcTemplate jdbc;

    JdbcClauseExemplarRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional
    public int add(UUID tenantId, String modelId, List<NewExemplar> exemplars) {
        int added = 0;
        for (NewExemplar e : exemplars) {
            added += jdbc.update(connection -> {
                var ps = connection.prepareStatement(
                        """
                                INSERT INTO clause_exemplar (id, tenant_id, category, text, text_hash, model_id, embedding)
                                VALUES (?, ?, ?, ?, md5(?), ?, ?)
                                ON CONFLICT (tenant_id, category, model_id, text_hash) DO NOTHING
                                """);
                ps.setObject(1, UUID.randomUUID());
                ps.setObject(2, tenantId);
                ps.setString(3, e.category());
                ps.setString(4, e.text());
                ps.setString(5, e.text());
                ps.setString(6, modelId);
                ps.setArray(7, connection.createArrayOf("float4", boxed(e.vector())));
                return ps;
            });
        }
        return added;
    }

    @Override
    public List<Exemplar> forTenant(UUID tenantId, String modelId) {
        return jdbc.query(
                "SELECT category, embedding FROM clause_exemplar WHERE tenant_id = ? AND model_id = ?",
                (rs, i) -> new Exemplar(rs.getString(1), vector(rs)),
                tenantId,
                modelId);
    }

    @Override
    public int clear(UUID tenantId) {
        return jdbc.update("DELETE FROM clause_exemplar WHERE tenant_id = ?", tenantId);
    }

    @Override
    public Map<String, Integer> countByCategory(UUID tenantId) {
        Map<String, Integer> counts = new TreeMap<>();
        jdbc.query(
                "SELECT category, count(*) FROM clause_exemplar WHERE tenant_id = ? GROUP BY category",
                rs -> {
                    counts.put(rs.getString(1), rs.getInt(2));
                },
                tenantId);
        return counts;
    }

    private static Float[] boxed(float[] v) {
        Float[] out = new Float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i];
        }
        return out;
    }

    private static float[] vector(ResultSet rs) throws SQLException {
        Array array = rs.getArray(2);
        Object[] values = (Object[]) array.getArray();
        float[] v = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            v[i] = ((Number) values[i]).floatValue();
        }
        return v;
    }
}
