package io.docmatrix.bench.ceiling;

import com.pgvector.PGvector;
import io.docmatrix.bench.DatabaseTarget;
import io.docmatrix.bench.corpus.VectorGenerator;
import io.docmatrix.bench.report.Latency;
import io.docmatrix.bench.report.Results.Pgvector;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Raw pgvector top-10 latency on a table of generated vectors: the floor under the platform's search at the same data
 * size (no HTTP, no embedding of the question, no tenant filter, no full-text half). Same index settings as stack.md's
 * measurements: HNSW m=16, ef_construction=64, ef_search=40, cosine distance.
 */
public final class PgvectorCeiling {

    private static final Logger LOG = LoggerFactory.getLogger(PgvectorCeiling.class);
    private static final int DIMENSION = 384;
    private static final int INSERT_BATCH = 1000;

    private PgvectorCeiling() {}

    /**
     * @param perClientQueries each client stops after this many queries or at {@code limit}, whichever is first
     */
    public static Pgvector measure(
            DatabaseTarget db, long seed, int rows, List<Integer> clientCounts, int perClientQueries, Duration limit)
            throws SQLException, InterruptedException {
        String table = "raw_vectors_" + rows;
        VectorGenerator vectors = new VectorGenerator(seed, DIMENSION);
        long started = System.nanoTime();
        try (Connection c = db.connect()) {
            PGvector.addVectorType(c);
            try (Statement s = c.createStatement()) {
                s.execute("DROP TABLE IF EXISTS " + table);
                s.execute("CREATE TABLE " + table + " (id bigint PRIMARY KEY, embedding vector(" + DIMENSION + "))");
            }
            c.setAutoCommit(false);
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO " + table + " VALUES (?, ?)")) {
                for (int i = 0; i < rows; i++) {
                    insert.setLong(1, i);
                    insert.setObject(2, new PGvector(vectors.vector(i)));
                    insert.addBatch();
                    if ((i + 1) % INSERT_BATCH == 0 || i == rows - 1) {
                        insert.executeBatch();
                    }
                }
            }
            c.commit();
            c.setAutoCommit(true);
        }
        double loadSeconds = (System.nanoTime() - started) / 1e9;
        long indexStarted = System.nanoTime();
        try (Connection c = db.connect();
                Statement s = c.createStatement()) {
            s.execute("SET maintenance_work_mem = '256MB'");
            s.execute("CREATE INDEX ON " + table
                    + " USING hnsw (embedding vector_cosine_ops) WITH (m = 16, ef_construction = 64)");
            s.execute("ANALYZE " + table);
        }
        double indexSeconds = (System.nanoTime() - indexStarted) / 1e9;
        LOG.info("pgvector: {} rows loaded in {} s, HNSW built in {} s", rows, round(loadSeconds), round(indexSeconds));
        Map<String, Latency> byClients = new LinkedHashMap<>();
        for (int clients : clientCounts) {
            byClients.put(Integer.toString(clients), queries(db, table, seed, clients, perClientQueries, limit));
        }
        return new Pgvector(rows, DIMENSION, loadSeconds, indexSeconds, byClients);
    }

    private static Latency queries(
            DatabaseTarget db, String table, long seed, int clients, int perClient, Duration limit)
            throws InterruptedException {
        // Query vectors come from another seed than the rows: a query equal to a stored vector would be too easy.
        VectorGenerator questions = new VectorGenerator(seed + 7919, DIMENSION);
        Histogram histogram = Latency.histogram();
        AtomicLong next = new AtomicLong();
        long deadline = System.nanoTime() + limit.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<Histogram>> results = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                results.add(pool.submit(() -> {
                    Histogram mine = Latency.histogram();
                    try (Connection c = db.connect()) {
                        PGvector.addVectorType(c);
                        try (Statement s = c.createStatement()) {
                            s.execute("SET hnsw.ef_search = 40");
                        }
                        try (PreparedStatement q =
                                c.prepareStatement("SELECT id FROM " + table + " ORDER BY embedding <=> ? LIMIT 10")) {
                            for (int n = 0; n < perClient && System.nanoTime() < deadline; n++) {
                                q.setObject(1, new PGvector(questions.vector(next.getAndIncrement())));
                                long t0 = System.nanoTime();
                                try (ResultSet rs = q.executeQuery()) {
                                    while (rs.next()) {
                                        rs.getLong(1);
                                    }
                                }
                                Latency.record(mine, System.nanoTime() - t0);
                            }
                        }
                    }
                    return mine;
                }));
            }
            for (Future<Histogram> result : results) {
                histogram.add(result.get());
            }
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("pgvector query failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
        Latency latency = Latency.of(histogram);
        LOG.info("pgvector top-10, {} clients: p50 {} ms, p95 {} ms", clients, latency.p50Ms(), latency.p95Ms());
        return latency;
    }

    private static String round(double seconds) {
        return String.format("%.1f", seconds);
    }
}
