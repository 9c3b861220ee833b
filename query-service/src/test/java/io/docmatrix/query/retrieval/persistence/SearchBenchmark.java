package io.docmatrix.query.retrieval.persistence;

import com.pgvector.PGvector;
import io.docmatrix.embedding.InProcessModel;
import io.docmatrix.embedding.OnnxEmbeddingModel;
import io.docmatrix.query.retrieval.ChunkSearch;
import io.docmatrix.query.retrieval.QuestionEmbedder;
import io.docmatrix.query.retrieval.RetrievalProperties;
import io.docmatrix.query.retrieval.SearchFilters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A by-hand measurement (not a test): loads {@code N} chunks (default 20,000) over 11 tenants into a migrated query
 * database, times the HNSW index build, then search latency per mode for the biggest and the smallest tenant.
 * Vectors are the bge-small-en-v1.5-q embeddings of 400 generated clause texts, each chunk a slightly perturbed copy
 * (embedding 20k texts would take minutes of two shared cores and change neither index nor query cost). The rows it
 * loads are deleted at the end (they belong to random tenants, so they never meet a test's).
 *
 * <pre>
 * java -cp target/test-classes:target/classes:$(cat cp.txt) io.docmatrix.query.retrieval.persistence.SearchBenchmark \
 *   jdbc:postgresql://127.0.0.1:5433/docmatrix_query_test_a docmatrix_test docmatrix_query_test_app 20000
 * </pre>
 */
public final class SearchBenchmark {

    private static final Logger log = LoggerFactory.getLogger(SearchBenchmark.class);
    private static final String[] PARTIES = {
        "The supplier", "The customer", "Either party", "The licensee", "The landlord"
    };
    private static final String[] DUTIES = {
        "shall pay all invoices",
        "may terminate this agreement",
        "shall keep confidential information secret",
        "is liable for direct damages",
        "shall maintain insurance",
        "may assign its rights",
        "shall deliver the goods",
        "shall indemnify the other party",
        "must give written notice",
        "shall comply with data protection law"
    };
    private static final String[] CONDITIONS = {
        "within thirty days",
        "after a material breach",
        "for five years after termination",
        "up to the fees paid",
        "with the prior written consent of the other party",
        "at its own cost",
        "in accordance with the schedule",
        "unless required by law"
    };
    private static final String[] FILLER = ("agreement schedule clause party services fees term renewal notice breach "
                    + "remedy warranty audit records invoice payment delivery acceptance goods software licence data "
                    + "security subcontractor affiliate court arbitration law jurisdiction force majeure event claim")
            .split(" ");

    public static void main(String[] args) throws Exception {
        String url = args[0];
        String owner = args[1];
        String appRole = args[2];
        int total = args.length > 3 ? Integer.parseInt(args[3]) : 20_000;
        Random random = new Random(42);
        try (OnnxEmbeddingModel model = new OnnxEmbeddingModel(InProcessModel.BGE_SMALL_EN_V15_Q, 2)) {
            QuestionEmbedder questions =
                    new QuestionEmbedder(model, "Represent this sentence for searching relevant passages: ");
            List<String> bases = new ArrayList<>();
            for (String party : PARTIES) {
                for (String duty : DUTIES) {
                    for (String condition : CONDITIONS) {
                        bases.add(party + " " + duty + " " + condition + ".");
                    }
                }
            }
            long embedStart = System.nanoTime();
            List<float[]> baseVectors = model.embed(bases);
            log.info("embedded {} base texts in {} ms", bases.size(), (System.nanoTime() - embedStart) / 1_000_000);

            UUID big = UUID.randomUUID();
            UUID small = UUID.randomUUID();
            List<UUID> tenants = new ArrayList<>(List.of(big, small));
            for (int i = 0; i < 9; i++) {
                tenants.add(UUID.randomUUID());
            }
            int smallCount = Math.max(10, total / 200);
            int bigCount = total / 2;
            int otherCount = (total - bigCount - smallCount) / 9;

            SingleConnectionDataSource ownerDs = new SingleConnectionDataSource(url, owner, "", true);
            JdbcTemplate ownerJdbc = new JdbcTemplate(ownerDs);
            TransactionTemplate ownerTx = new TransactionTemplate(new DataSourceTransactionManager(ownerDs));
            ownerJdbc.execute("DROP INDEX IF EXISTS chunk_embedding_hnsw");
            long loadStart = System.nanoTime();
            int loaded = 0;
            for (UUID tenant : tenants) {
                int count = tenant.equals(big) ? bigCount : tenant.equals(small) ? smallCount : otherCount;
                loaded += load(ownerJdbc, ownerTx, tenant, count, bases, baseVectors, random);
            }
            log.info("loaded {} chunks in {} ms", loaded, (System.nanoTime() - loadStart) / 1_000_000);
            long indexStart = System.nanoTime();
            ownerJdbc.execute("CREATE INDEX chunk_embedding_hnsw ON chunk USING hnsw (embedding vector_cosine_ops)"
                    + " WITH (m = 16, ef_construction = 64)");
            log.info("HNSW index build over {} rows: {} ms", loaded, (System.nanoTime() - indexStart) / 1_000_000);
            log.info("tenants: big {}, small {}, all {}", big, small, tenants);
            if (args.length > 4 && args[4].equals("load-only")) {
                return;
            }
            ownerJdbc.execute("ANALYZE chunk");
            ownerJdbc.execute("ANALYZE document");

            SingleConnectionDataSource appDs = new SingleConnectionDataSource(url, appRole, "", true);
            JdbcTemplate appJdbc = new JdbcTemplate(appDs);
            TransactionTemplate appTx = new TransactionTemplate(new DataSourceTransactionManager(appDs));
            JdbcChunkSearch search = new JdbcChunkSearch(
                    appJdbc, new RetrievalProperties(10, 50, 2000, 100, 60, 1, 1, 50, 100, 500, 1000));
            List<String> asks = List.of(
                    "Who pays the invoices and when?",
                    "Can the agreement be terminated after a breach?",
                    "How long must confidential information be kept secret?",
                    "Is liability capped?",
                    "Which insurance must the supplier maintain?",
                    "May the licensee assign the contract?",
                    "What notice is required?",
                    "Who indemnifies whom?",
                    "When are the goods delivered?",
                    "What about data protection?");
            int rounds = 10;
            long[] embedNanos = new long[asks.size() * rounds];
            List<float[]> vectors = new ArrayList<>();
            for (int r = 0; r < rounds; r++) {
                for (int q = 0; q < asks.size(); q++) {
                    long s = System.nanoTime();
                    float[] v = questions.embed(asks.get(q));
                    embedNanos[r * asks.size() + q] = System.nanoTime() - s;
                    if (r == 0) {
                        vectors.add(v);
                    }
                }
            }
            report("question embedding", embedNanos);
            explain(appJdbc, appTx, big, vectors.get(0), questions.modelId());
            explain(appJdbc, appTx, small, vectors.get(0), questions.modelId());
            for (UUID tenant : List.of(big, small)) {
                String who = tenant.equals(big)
                        ? "big tenant (" + bigCount + " chunks)"
                        : "small tenant (" + smallCount + " chunks)";
                for (String mode : List.of("vector", "text", "hybrid")) {
                    long[] nanos = new long[asks.size() * rounds];
                    int[] sizes = new int[nanos.length];
                    for (int r = 0; r < rounds; r++) {
                        for (int q = 0; q < asks.size(); q++) {
                            float[] vector = mode.equals("text") ? null : vectors.get(q);
                            String text = mode.equals("vector") ? null : asks.get(q);
                            int limit = mode.equals("hybrid") ? 50 : 10;
                            ChunkSearch.CandidateQuery query = new ChunkSearch.CandidateQuery(
                                    vector, questions.modelId(), text, List.of(), SearchFilters.none(), limit);
                            long s = System.nanoTime();
                            ChunkSearch.Candidates found = appTx.execute(status -> search.find(tenant, query));
                            nanos[r * asks.size() + q] = System.nanoTime() - s;
                            sizes[r * asks.size() + q] =
                                    found.byVector().size() + found.byText().size();
                        }
                    }
                    report(
                            mode + " " + who + ", fewest results "
                                    + Arrays.stream(sizes).min().orElse(0),
                            nanos);
                }
            }
            for (UUID tenant : tenants) {
                ownerTx.executeWithoutResult(status -> {
                    ownerJdbc.queryForObject(
                            "SELECT set_config('app.tenant_id', ?, true)", String.class, tenant.toString());
                    ownerJdbc.update("DELETE FROM chunk");
                    ownerJdbc.update("DELETE FROM document");
                });
            }
            ownerDs.destroy();
            appDs.destroy();
        }
    }

    private static int load(
            JdbcTemplate jdbc,
            TransactionTemplate tx,
            UUID tenant,
            int count,
            List<String> bases,
            List<float[]> baseVectors,
            Random random) {
        int perDocument = 50;
        return tx.execute(status -> {
            jdbc.queryForObject("SELECT set_config('app.tenant_id', ?, true)", String.class, tenant.toString());
            int done = 0;
            while (done < count) {
                UUID document = UUID.randomUUID();
                jdbc.update(
                        "INSERT INTO document (document_id, tenant_id, latest_version, active_version, status, title,"
                                + " content_type, uploaded_at) VALUES (?, ?, 1, 1, 'READY', ?, 'application/pdf', now())",
                        document,
                        tenant,
                        "Contract " + document);
                int n = Math.min(perDocument, count - done);
                List<Object[]> rows = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    int base = random.nextInt(bases.size());
                    StringBuilder text = new StringBuilder(bases.get(base));
                    for (int w = 0; w < 40; w++) {
                        text.append(' ').append(FILLER[random.nextInt(FILLER.length)]);
                    }
                    rows.add(new Object[] {
                        UUID.randomUUID(),
                        tenant,
                        document,
                        i,
                        text.toString(),
                        new PGvector(perturb(baseVectors.get(base), random))
                    });
                }
                jdbc.batchUpdate(
                        "INSERT INTO chunk (chunk_id, tenant_id, document_id, version, ordinal, text, page, page_end,"
                                + " start_offset, end_offset, token_count, embedding_model, embedding)"
                                + " VALUES (?, ?, ?, 1, ?, ?, 1, 1, 0, 10, 60, 'bge-small-en-v1.5-q', ?)",
                        rows);
                done += n;
            }
            return done;
        });
    }

    private static float[] perturb(float[] vector, Random random) {
        float[] out = new float[vector.length];
        double norm = 0;
        for (int i = 0; i < vector.length; i++) {
            out[i] = vector[i] + (float) (random.nextGaussian() * 0.02);
            norm += out[i] * out[i];
        }
        float scale = (float) (1 / Math.sqrt(norm));
        for (int i = 0; i < out.length; i++) {
            out[i] *= scale;
        }
        return out;
    }

    private static void explain(JdbcTemplate jdbc, TransactionTemplate tx, UUID tenant, float[] vector, String model) {
        tx.executeWithoutResult(status -> {
            jdbc.queryForObject("SELECT set_config('app.tenant_id', ?, true)", String.class, tenant.toString());
            jdbc.queryForMap("SELECT set_config('hnsw.iterative_scan', 'relaxed_order', true),"
                    + " set_config('hnsw.ef_search', '100', true)");
            List<String> plan = jdbc.queryForList(
                    "EXPLAIN (ANALYZE, COSTS OFF) SELECT c.chunk_id FROM chunk c JOIN document d"
                            + " ON d.document_id = c.document_id AND d.active_version = c.version"
                            + " WHERE c.tenant_id = ? AND d.tenant_id = ?"
                            + " AND c.embedding_model = ? AND c.embedding IS NOT NULL"
                            + " ORDER BY c.embedding <=> ? LIMIT 10",
                    String.class,
                    tenant,
                    tenant,
                    model,
                    new PGvector(vector));
            log.info("vector plan for tenant {}:\n{}", tenant, String.join("\n", plan));
        });
    }

    private static void report(String what, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        log.info(
                "{}: p50 {} ms, p95 {} ms, max {} ms (n={})",
                what,
                String.format("%.2f", sorted[sorted.length / 2] / 1e6),
                String.format("%.2f", sorted[(int) Math.ceil(sorted.length * 0.95) - 1] / 1e6),
                String.format("%.2f", sorted[sorted.length - 1] / 1e6),
                sorted.length);
    }
}
