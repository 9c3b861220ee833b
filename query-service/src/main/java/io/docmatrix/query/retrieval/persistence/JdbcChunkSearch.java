package io.docmatrix.query.retrieval.persistence;

import com.pgvector.PGvector;
import io.docmatrix.query.retrieval.ChunkSearch;
import io.docmatrix.query.retrieval.RetrievalProperties;
import io.docmatrix.query.retrieval.RetrievedChunk;
import io.docmatrix.query.retrieval.SearchFilters;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Candidate searches on the read store. Every query runs in one read-only transaction that first binds it to the
 * tenant ({@code app.tenant_id}, transaction-local); row-level security then restricts every table to that tenant
 * inside the scan, before ranking and limits, so a tenant with few chunks still gets its full top-k.
 *
 * <p>SQL is assembled only from fixed fragments for the filters a request uses; values are always bind parameters.
 */
@Repository
class JdbcChunkSearch implements ChunkSearch {

    private static final String COLUMNS = "c.chunk_id, c.document_id, c.version, c.text, c.page, c.page_end,"
            + " c.start_offset, c.end_offset, c.heading_path, COALESCE(d.title, d.filename) AS title";

    // A chunk is searchable only while its version is the document's active version: no half-indexed documents.
    private static final String FROM =
            " FROM chunk c JOIN document d" + " ON d.document_id = c.document_id AND d.active_version = c.version";

    // Row-level security already confines every table to the tenant; the same condition stated with the tenant as
    // a value lets the planner use its statistics: for a big tenant it walks the HNSW index, for a small one it
    // ranks the tenant's rows exactly (measured in docs/query.md: 196 ms -> 2.4 ms for a 10,000-chunk tenant of
    // 20,000).
    private static final String TENANT = " WHERE c.tenant_id = ? AND d.tenant_id = ?";

    // Chunks sampled to estimate how common each word of a question is: enough to tell a word in 5% of the chunks
    // from one in 0.5%, few enough to read in a millisecond or two.
    private static final int SAMPLE = 200;

    private final JdbcTemplate jdbc;
    private final RetrievalProperties properties;

    JdbcChunkSearch(JdbcTemplate jdbc, RetrievalProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    @Override
    @Transactional(readOnly = true)
    public Candidates find(UUID tenantId, CandidateQuery query) {
        // plan_cache_mode: the driver reuses server-side prepared statements, whose generic plans would not know
        // the tenant; a custom plan per execution lets the planner weigh the tenant's size (below).
        jdbc.queryForMap(
                "SELECT set_config('app.tenant_id', ?, true), set_config('plan_cache_mode', 'force_custom_plan', true)",
                tenantId.toString());
        List<RetrievedChunk> byVector = query.vector() == null ? List.of() : byVector(tenantId, query);
        List<RetrievedChunk> byText = query.text() == null ? List.of() : byText(tenantId, query);
        return new Candidates(byVector, byText);
    }

    private List<RetrievedChunk> byVector(UUID tenantId, CandidateQuery query) {
        // Filters (tenant, active version, model, metadata) are applied while the HNSW index is walked; without
        // iterative scans the walk stops after ef_search candidates and a filtered query silently returns fewer rows
        // (stack.md: recall@10 0.39 -> 0.96). relaxed_order may return rows slightly out of order: re-sorted below.
        jdbc.queryForMap(
                "SELECT set_config('hnsw.ef_search', ?, true), set_config('hnsw.iterative_scan', 'relaxed_order', true)",
                Integer.toString(Math.max(properties.efSearch(), query.limit())));
        PGvector vector = new PGvector(query.vector());
        List<RetrievedChunk> found = vectorQuery(tenantId, query, vector, true);
        if (found.size() < query.limit()) {
            // The index walk gives up after hnsw.max_scan_tuples; a small tenant or a narrow filter among many other
            // rows may get fewer than it has. The exact search below reads only the rows that pass the filters
            // (through the tenant and document indexes), which is cheap precisely when the walk came up short.
            found = vectorQuery(tenantId, query, vector, false);
        }
        return found;
    }

    private List<RetrievedChunk> vectorQuery(UUID tenantId, CandidateQuery query, PGvector vector, boolean useIndex) {
        List<Object> args = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT * FROM (SELECT ")
                .append(COLUMNS)
                .append(", c.embedding <=> ? AS distance")
                .append(FROM)
                .append(TENANT)
                .append(" AND c.embedding_model = ? AND c.embedding IS NOT NULL");
        args.add(vector);
        args.add(tenantId);
        args.add(tenantId);
        args.add(query.modelId());
        appendFilters(sql, args, query);
        // "+ 0" hides the distance from the planner's index matching, forcing the exact scan.
        sql.append(useIndex ? " ORDER BY c.embedding <=> ?" : " ORDER BY (c.embedding <=> ?) + 0")
                .append(" LIMIT ?) ranked ORDER BY distance, chunk_id");
        args.add(vector);
        args.add(query.limit());
        return jdbc.query(sql.toString(), (rs, n) -> chunk(rs, 1 - rs.getDouble("distance")), args.toArray());
    }

    private List<RetrievedChunk> byText(UUID tenantId, CandidateQuery query) {
        // The question's lexemes, each quoted as a tsquery operand (a tsvector's text form quotes and escapes exactly
        // as tsquery input expects), so they can be recombined without parsing the question again.
        List<String> lexemes = jdbc.queryForList(
                "SELECT array_to_tsvector(ARRAY[lexeme])::text"
                        + " FROM unnest(tsvector_to_array(to_tsvector('english', ?))) lexeme ORDER BY lexeme",
                String.class,
                query.text());
        if (lexemes.isEmpty()) {
            return List.of();
        }
        FullTextSelection selection = FullTextSelection.of(
                lexemes, estimatedMatches(tenantId, query, lexemes), properties.textCommonMatches());
        List<RetrievedChunk> found =
                textQuery(tenantId, query, selection.rank(), selection.select(), selection.narrowed());
        if (!selection.select().equals(selection.rank()) && found.size() < query.limit()) {
            // Too few chunks hold a rare word of the question: top up with chunks that hold common ones only, after
            // those with a rare one (which the question singles out), ranked among at most text-max-ranked of them.
            Set<UUID> seen = new HashSet<>();
            found.forEach(chunk -> seen.add(chunk.chunkId()));
            List<RetrievedChunk> topped = new ArrayList<>(found);
            for (RetrievedChunk chunk : textQuery(tenantId, query, selection.rank(), selection.rank(), true)) {
                if (topped.size() < query.limit() && seen.add(chunk.chunkId())) {
                    topped.add(chunk);
                }
            }
            found = topped;
        }
        return found;
    }

    /**
     * For each lexeme, about how many searched chunks (tenant, active version, filters) hold it: its share of a sample
     * of them times their number (the active versions' chunk counts); exact when there are no more than the sample.
     * The GIN index cannot count for us under row-level security: {@code @@} is not leakproof, so PostgreSQL evaluates
     * it only after the tenant policy, row by row, and {@code pg_stats} is hidden from roles under the policy. The
     * sample is taken in chunk id order, a pseudo-random spread over documents (ids are name-based UUIDs), through the
     * primary key.
     */
    private List<Long> estimatedMatches(UUID tenantId, CandidateQuery query, List<String> lexemes) {
        List<Object> args = new ArrayList<>();
        StringBuilder sql =
                new StringBuilder("SELECT (SELECT COALESCE(sum(d.chunk_count), 0) FROM document d WHERE d.tenant_id = ?"
                        + " AND d.active_version IS NOT NULL");
        args.add(tenantId);
        appendFilters(sql, args, query, "d.document_id");
        sql.append(") AS searched, count(*) AS sampled");
        for (String lexeme : lexemes) {
            sql.append(", count(*) FILTER (WHERE tsv @@ ?::tsquery)");
            args.add(lexeme);
        }
        sql.append(" FROM (SELECT c.tsv").append(FROM).append(TENANT);
        args.add(tenantId);
        args.add(tenantId);
        appendFilters(sql, args, query, "c.document_id");
        sql.append(" ORDER BY c.chunk_id LIMIT ?) sample");
        args.add(SAMPLE);
        return jdbc.queryForObject(
                sql.toString(),
                (rs, n) -> {
                    long sampled = rs.getLong("sampled");
                    long searched = Math.max(sampled, rs.getLong("searched"));
                    List<Long> estimates = new ArrayList<>(lexemes.size());
                    for (int i = 0; i < lexemes.size(); i++) {
                        estimates.add(sampled == 0 ? 0L : rs.getLong(3 + i) * searched / sampled);
                    }
                    return estimates;
                },
                args.toArray());
    }

    /**
     * Chunks matching {@code select}, ranked by {@code ts_rank_cd} against {@code rank}. A bounded query reads at most
     * text-max-ranked matches, in no particular order: only a narrowed selection (common words only, or the top-up)
     * is bounded, since an unnarrowed one selects by rare words and so costs at most a few of them.
     */
    private List<RetrievedChunk> textQuery(
            UUID tenantId, CandidateQuery query, String rank, String select, boolean bounded) {
        List<Object> args = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT chunk_id, document_id, version, text, page, page_end,"
                        + " start_offset, end_offset, heading_path, title, ts_rank_cd(tsv, ?::tsquery) AS rank"
                        + " FROM (SELECT ")
                .append(COLUMNS)
                .append(", c.tsv")
                .append(FROM)
                .append(TENANT)
                .append(" AND c.tsv @@ ?::tsquery");
        args.add(rank);
        args.add(tenantId);
        args.add(tenantId);
        args.add(select);
        appendFilters(sql, args, query);
        if (bounded) {
            sql.append(" LIMIT ?");
            args.add(properties.textMaxRanked());
        }
        sql.append(") matched ORDER BY rank DESC, chunk_id LIMIT ?");
        args.add(query.limit());
        return jdbc.query(sql.toString(), (rs, n) -> chunk(rs, rs.getDouble("rank")), args.toArray());
    }

    /** The allowlist of filters: each one a fixed SQL fragment with bind parameters. */
    private static void appendFilters(StringBuilder sql, List<Object> args, CandidateQuery query) {
        appendFilters(sql, args, query, "c.document_id");
    }

    private static void appendFilters(
            StringBuilder sql, List<Object> args, CandidateQuery query, String documentIdColumn) {
        if (!query.documentIds().isEmpty()) {
            sql.append(" AND ").append(documentIdColumn).append(" = ANY(?::uuid[])");
            args.add(query.documentIds().toArray(UUID[]::new));
        }
        SearchFilters filters = query.filters();
        if (filters.collection() != null) {
            sql.append(" AND d.collection = ?");
            args.add(filters.collection());
        }
        if (!filters.tags().isEmpty()) {
            sql.append(" AND d.tags @> ?::text[]");
            args.add(filters.tags().toArray(String[]::new));
        }
        if (!filters.contentTypes().isEmpty()) {
            sql.append(" AND d.content_type = ANY(?::text[])");
            args.add(filters.contentTypes().toArray(String[]::new));
        }
        if (filters.uploadedAfter() != null) {
            sql.append(" AND d.uploaded_at >= ?");
            args.add(OffsetDateTime.ofInstant(filters.uploadedAfter(), ZoneOffset.UTC));
        }
        if (filters.uploadedBefore() != null) {
            sql.append(" AND d.uploaded_at < ?");
            args.add(OffsetDateTime.ofInstant(filters.uploadedBefore(), ZoneOffset.UTC));
        }
    }

    private static RetrievedChunk chunk(ResultSet rs, double score) throws SQLException {
        return new RetrievedChunk(
                rs.getObject("document_id", UUID.class),
                rs.getInt("version"),
                rs.getObject("chunk_id", UUID.class),
                rs.getString("text"),
                rs.getInt("page"),
                rs.getInt("page_end"),
                rs.getInt("start_offset"),
                rs.getInt("end_offset"),
                strings(rs.getArray("heading_path")),
                rs.getString("title"),
                score);
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }
}
