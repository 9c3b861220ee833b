package io.docmatrix.bench;

import io.docmatrix.bench.ceiling.EmbeddingCeiling;
import io.docmatrix.bench.ceiling.PgvectorCeiling;
import io.docmatrix.bench.corpus.ContractGenerator;
import io.docmatrix.bench.corpus.CorpusDocument;
import io.docmatrix.bench.corpus.CorpusFolders;
import io.docmatrix.bench.corpus.CovidQaQuestions;
import io.docmatrix.bench.corpus.LabelledQuestion;
import io.docmatrix.bench.corpus.QuestionGenerator;
import io.docmatrix.bench.cpu.ProcessCpu;
import io.docmatrix.bench.ingest.IngestionBenchmark;
import io.docmatrix.bench.peer.LangChainPeer;
import io.docmatrix.bench.platform.AccessToken;
import io.docmatrix.bench.platform.PlatformClient;
import io.docmatrix.bench.query.ChunkEvents;
import io.docmatrix.bench.query.ChunkSeeder;
import io.docmatrix.bench.query.PipelineLag;
import io.docmatrix.bench.query.QueryBenchmark;
import io.docmatrix.bench.report.MachineInfo;
import io.docmatrix.bench.report.ReportWriter;
import io.docmatrix.bench.report.Results;
import io.docmatrix.embedding.InProcessModel;
import io.docmatrix.runtime.identity.IdentityHeaders;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The benchmark run: every phase has a count and a time limit, every address is checked to be local, and the run
 * writes its report even when phases are skipped (the platform down, the evaluation data absent). Phases that need
 * only PostgreSQL and the embedding model (ceilings, peer) run without the platform.
 */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = "Benchmarks the local DocMatrix platform, its ceilings and a LangChain4j peer.")
public final class BenchCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(BenchCommand.class);

    /** Concurrencies of the direct calls to query-service: the gateway's own cost (1) and its cost under load (8). */
    private static final List<Integer> DIRECT_CLIENTS = List.of(1, 8);

    @Option(names = "--quick", description = "A smaller run meant to finish in under three minutes.")
    boolean quick;

    @Option(names = "--offline", description = "Skip every phase that needs the running platform.")
    boolean offline;

    @Option(names = "--seed", defaultValue = "20260301")
    long seed;

    @Option(names = "--out", defaultValue = "docs/benchmarks")
    Path out;

    @Option(names = "--gateway", defaultValue = "http://127.0.0.1:8080")
    String gateway;

    @Option(names = "--query-service", defaultValue = "http://127.0.0.1:8084")
    String queryService;

    @Option(names = "--kafka", defaultValue = "127.0.0.1:9092")
    String kafka;

    @Option(names = "--tenant", defaultValue = "bench")
    String tenant;

    @Option(names = "--username", defaultValue = "admin")
    String username;

    @Option(
            names = "--password-file",
            description = "The tenant administrator's password (deploy/local/bench creates it).")
    @Nullable
    Path passwordFile;

    @Option(names = "--internal-secret-file", description = "The gateway's identity-signing secret, for direct calls.")
    @Nullable
    Path internalSecretFile;

    @Option(names = "--pg-url", defaultValue = "jdbc:postgresql://127.0.0.1:5433/docmatrix_query_test")
    String pgUrl;

    @Option(names = "--pg-user", defaultValue = "docmatrix_test")
    String pgUser;

    @Option(names = "--pg-password-file")
    @Nullable
    Path pgPasswordFile;

    @Option(names = "--pg-schema", defaultValue = "bench_peer")
    String pgSchema;

    @Option(names = "--keep-schema", description = "Keep the bench's schema (and its tables) after the run.")
    boolean keepSchema;

    @Option(names = "--eval-data", defaultValue = "/work/shared/eval-data")
    Path evalData;

    @Option(names = "--generated", description = "Generated contracts to ingest (default 40, quick 4).")
    @Nullable
    Integer generated;

    @Option(names = "--cuad", description = "CUAD dev contracts to ingest (default 10, quick 1).")
    @Nullable
    Integer cuad;

    @Option(names = "--covid", description = "COVID-QA dev papers to ingest (default 5, quick 1).")
    @Nullable
    Integer covid;

    @Option(names = "--words", defaultValue = "4000", description = "Words of a generated contract.")
    int words;

    @Option(names = "--upload-concurrency", defaultValue = "4")
    int uploadConcurrency;

    @Option(names = "--model", defaultValue = "bge-small-en-v1.5-q", description = "As ingestion.embedding.model.")
    String model;

    @Option(names = "--threads", defaultValue = "2", description = "As ingestion.embedding.threads.")
    int threads;

    @Option(names = "--chunk-tokens", defaultValue = "120", description = "As ingestion.chunking.target-tokens.")
    int chunkTokens;

    @Option(names = "--overlap-tokens", defaultValue = "20", description = "As ingestion.chunking.overlap-tokens.")
    int overlapTokens;

    @Option(
            names = "--query-sizes",
            split = ",",
            description = "Chunk counts to query (default 10000,100000; quick 10000).")
    @Nullable
    List<Integer> querySizes;

    @Option(names = "--clients", split = ",", description = "Concurrent clients (default 1,8,32,64; quick 1,8,32).")
    @Nullable
    List<Integer> clients;

    @Option(names = "--load-seconds", description = "Seconds per closed-loop load (default 10, quick 4).")
    @Nullable
    Integer loadSeconds;

    @Option(
            names = "--only",
            split = ",",
            description = "Run only these phases (for profiling and tuning; the report then lacks the others): ingest,"
                    + " ceiling, peer, pgvector, queries.")
    @Nullable
    Set<String> only;

    @Option(
            names = "--run-dir",
            description = "The local platform's PID files (var/run): CPU seconds per process during ingestion.")
    @Nullable
    Path runDir;

    @Option(names = "--chunks-per-document", defaultValue = "100")
    int chunksPerDocument;

    public static void main(String[] args) {
        // deploy/local/bench passes the platform's addresses first; an option given again (e.g. --out) overrides them.
        System.exit(new CommandLine(new BenchCommand())
                .setOverwrittenOptionsAllowed(true)
                .execute(args));
    }

    @Override
    public Integer call() throws Exception {
        long started = System.nanoTime();
        Instant startedAt = Instant.now();
        MachineInfo machine = MachineInfo.current();
        String runTag = startedAt.toString();
        InProcessModel embeddingModel = InProcessModel.byId(model);
        DatabaseTarget db = new DatabaseTarget(pgUrl, pgUser, secret(pgPasswordFile), pgSchema);
        Map<String, String> skipped = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        notes.add("Load average at start " + machine.loadAverageAtStart()
                + " on " + machine.cores() + " cores: other processes (builds) compete for the CPU, so throughputs are"
                + " lower bounds and latencies upper bounds for this machine.");

        List<CorpusDocument> corpus = new ArrayList<>();
        List<String> corpora = new ArrayList<>();
        int nGenerated = pick(generated, 40, 4);
        corpus.addAll(new ContractGenerator(seed, words).contracts(nGenerated));
        corpora.add(nGenerated + " generated contracts (seed " + seed + ", ~" + words + " words)");
        List<CorpusDocument> cuadDocs =
                CorpusFolders.textFiles(evalData.resolve("cuad/dev/contracts"), pick(cuad, 10, 1));
        List<CorpusDocument> covidDocs =
                CorpusFolders.textFiles(evalData.resolve("covid-qa/dev/papers"), pick(covid, 5, 1));
        if (!cuadDocs.isEmpty()) {
            corpora.add(cuadDocs.size() + " CUAD dev contracts");
        }
        if (!covidDocs.isEmpty()) {
            corpora.add(covidDocs.size() + " COVID-QA dev papers");
        }
        if (cuadDocs.isEmpty() && covidDocs.isEmpty()) {
            skipped.put("evaluation corpora", "absent under " + evalData + ": only the generated corpus");
        }
        corpus.addAll(cuadDocs);
        corpus.addAll(covidDocs);

        PlatformClient client = new PlatformClient(gateway, Duration.ofSeconds(60));
        AccessToken token = offline ? null : login(client, skipped);

        Results.Ingest ingest = null;
        List<String> ceilingTexts = List.of();
        String ceilingFrom = "the peer's splitter over the same corpus";
        if (token != null && runs("ingest")) {
            CorpusDocument large = quick ? null : largeDocument();
            if (quick) {
                notes.add("--quick sends no 1 MB upload (its ~1,700 chunks alone would take most of the budget).");
            }
            IngestionBenchmark ingestion = new IngestionBenchmark(
                    client, uploadConcurrency, minutes(quick ? 1.5 : 6), Duration.ofSeconds(2), runTag);
            Set<String> cuadNames = cuadDocs.stream().map(CorpusDocument::name).collect(Collectors.toSet());
            Set<String> covidNames =
                    covidDocs.stream().map(CorpusDocument::name).collect(Collectors.toSet());
            String largeName = large == null ? "" : large.name();
            ProcessCpu cpu = runDir == null ? null : new ProcessCpu(runDir);
            Map<String, Double> cpuBefore = cpu == null ? Map.of() : cpu.snapshot();
            ingest = ingestion.run(corpora, corpus, large, name -> {
                if (name.equals(largeName)) {
                    return "1 MB text";
                }
                if (cuadNames.contains(name)) {
                    return "CUAD contracts";
                }
                return covidNames.contains(name)
                        ? "COVID-QA papers"
                        : Results.ByCorpus.STANDARD + " (standard, ~" + words + " words)";
            });
            if (cpu != null) {
                ingest = ingest.withCpuSeconds(ProcessCpu.between(cpuBefore, cpu.snapshot()));
            }
            ceilingTexts = platformChunks(client, ingestion.readyDocuments(), quick ? 600 : 3000);
            if (!ceilingTexts.isEmpty()) {
                ceilingFrom = "the platform's own chunks of this run";
            }
        }

        if (ceilingTexts.isEmpty() && runs("ceiling")) {
            ceilingTexts =
                    LangChainPeer.segments(corpus, embeddingModel, chunkTokens, overlapTokens, quick ? 600 : 3000);
        }
        Duration ceilingLimit = Duration.ofSeconds(quick ? 10 : 60);
        Results.@Nullable Ceiling before = runs("ceiling")
                ? EmbeddingCeiling.measure(model, threads, ceilingFrom, ceilingTexts, ceilingLimit)
                : null;

        Results.Peer peer = null;
        Map<String, String> versions = versions(db);
        if (runs("peer")) {
            try {
                Set<String> names = covidDocs.stream().map(CorpusDocument::name).collect(Collectors.toSet());
                List<LabelledQuestion> labelled = CovidQaQuestions.about(
                        evalData.resolve("covid-qa/dev/questions.jsonl"), names, quick ? 10 : 50);
                peer = new LangChainPeer(embeddingModel, threads, chunkTokens, overlapTokens, db)
                        .run(corpus, labelled, minutes(quick ? 0.75 : 4));
            } catch (Exception e) {
                LOG.warn("peer failed", e);
                skipped.put("peer", e.toString());
            }
        }

        // Measured again after the peer: on a shared machine the load of other processes changes within minutes, and
        // the ceiling is an upper bound, so the better of the two is the closer estimate; both are noted.
        Results.@Nullable Ceiling ceiling = null;
        if (before != null) {
            Results.Ceiling after = EmbeddingCeiling.measure(model, threads, ceilingFrom, ceilingTexts, ceilingLimit);
            ceiling = after.chunksPerS() > before.chunksPerS() ? after : before;
            notes.add(String.format(
                    java.util.Locale.ROOT,
                    "Embedding ceiling measured before and after the peer: %.1f and %.1f chunks/s; the higher is"
                            + " reported.",
                    before.chunksPerS(),
                    after.chunksPerS()));
        }

        List<Integer> sizes = querySizes != null ? querySizes : quick ? List.of(10_000) : List.of(10_000, 100_000);
        List<Results.Pgvector> pgvector = new ArrayList<>();
        for (int size : runs("pgvector") ? sizes : List.<Integer>of()) {
            try {
                pgvector.add(PgvectorCeiling.measure(
                        db, seed, size, List.of(1, 8), quick ? 500 : 3000, Duration.ofSeconds(quick ? 3 : 15)));
            } catch (Exception e) {
                LOG.warn("raw pgvector failed", e);
                skipped.put("pgvector " + size, e.toString());
            }
        }

        List<Results.QueryLoad> queries = new ArrayList<>();
        if (token != null && runs("queries")) {
            queries.addAll(queries(client, token, sizes, skipped, notes));
        } else if (token == null) {
            skipped.put("queries", "the platform was not reachable or --offline");
        }

        if (!keepSchema) {
            db.dropSchema();
        }
        Map<String, Object> settings = settings(sizes);
        Results.Run run = new Results.Run(
                startedAt.toString(),
                (System.nanoTime() - started) / 1e9,
                quick,
                machine,
                versions,
                settings,
                skipped,
                ingest,
                ceiling,
                peer,
                pgvector,
                queries,
                notes);
        ReportWriter.write(run, out);
        LOG.info("wrote {} and {} in {}", ReportWriter.JSON, ReportWriter.MARKDOWN, out.toAbsolutePath());
        return 0;
    }

    private List<Results.QueryLoad> queries(
            PlatformClient client,
            AccessToken token,
            List<Integer> sizes,
            Map<String, String> skipped,
            List<String> notes)
            throws Exception {
        URI direct = null;
        IdentityHeaders signer = null;
        if (internalSecretFile != null && Files.isReadable(internalSecretFile)) {
            direct = Loopback.requireHttp(queryService);
            signer = new IdentityHeaders(
                    secret(internalSecretFile).getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(60));
            notes.add("Direct calls to query-service carry identity headers the bench signed itself with the local"
                    + " internal secret: possible only on the local platform.");
        } else {
            skipped.put("gateway overhead", "no --internal-secret-file: direct calls to query-service not possible");
        }
        List<Integer> clientCounts = clients != null ? clients : quick ? List.of(1, 8, 32) : List.of(1, 8, 32, 64);
        Duration perLoad = Duration.ofSeconds(perLoadSeconds());
        ChunkEvents events = new ChunkEvents(seed, token.tenantId(), chunksPerDocument, model);
        ChunkSeeder seeder = new ChunkSeeder(kafka, events);
        QueryBenchmark bench =
                new QueryBenchmark(client, new QuestionGenerator(seed), direct, signer, perLoad, 100_000);
        List<Results.QueryLoad> loads = new ArrayList<>();
        PipelineLag lag = new PipelineLag(kafka);
        // Seeded documents stand for a tenant's long-analysed library: their analysis would compete with the loads
        // for the CPU, so the bench tenant's automatic analysis is off while they arrive (restored afterwards).
        @Nullable Boolean analysisBefore = automaticAnalysis(client, null);
        if (analysisBefore != null && Boolean.FALSE.equals(automaticAnalysis(client, false))) {
            notes.add("Automatic analysis was off for tenant " + tenant + " while chunks were seeded and during the"
                    + " query loads (PUT /api/v1/analysis-settings), then set back to " + analysisBefore + ".");
        } else {
            skipped.put(
                    "analysis off while seeding",
                    "the analysis settings could not be read or changed: seeded documents are analysed during the"
                            + " loads");
        }
        try {
            int seededDocuments = 0;
            for (int size : sizes) {
                int documents = Math.max(1, size / chunksPerDocument);
                if (documents > seededDocuments) {
                    double published = seeder.publish(seededDocuments, documents);
                    double waited = seeder.awaitSearchable(client, seededDocuments, documents, minutes(quick ? 1 : 12));
                    if (waited < 0) {
                        skipped.put("queries at " + size, "seeded chunks did not become searchable in time");
                        break;
                    }
                    int newChunks = (documents - seededDocuments) * chunksPerDocument;
                    notes.add(String.format(
                            java.util.Locale.ROOT,
                            "%d chunks: %d chunk events published in %.0f s became searchable %.0f s later, %.0f"
                                    + " events/s end to end. That is the projection's rate on a store that did not"
                                    + " hold them; on one that did (seeding is idempotent) the events were only"
                                    + " recognised as duplicates.",
                            size,
                            newChunks,
                            published,
                            waited,
                            newChunks / (waited + published)));
                    seededDocuments = documents;
                }
                // Every consumer caught up (projection, analysis of the ingestion phase): the loads run on a steady
                // platform.
                double settled = lag.awaitZero(minutes(quick ? 1 : 5));
                notes.add(
                        settled < 0
                                ? "Before the loads at " + size
                                        + " chunks the consumer lag did not reach 0 within the limit."
                                : String.format(
                                        java.util.Locale.ROOT,
                                        "Before the loads at %d chunks the bench waited %.0f s for consumer lag 0.",
                                        size,
                                        settled));
                loads.addAll(bench.run(size, clientCounts, DIRECT_CLIENTS));
            }
        } finally {
            if (analysisBefore != null) {
                automaticAnalysis(client, analysisBefore);
            }
        }
        notes.add("Query sizes are the chunks the bench seeded for tenant " + tenant + "; on a store that already held"
                + " them from an earlier run the tenant holds more (seeding is idempotent, ids derive from the seed).");
        return loads;
    }

    /**
     * Sets the bench tenant's automatic analysis (when {@code value} is not null) and returns the setting in force;
     * null when it could not be read or changed (an older platform), so the caller notes it and carries on.
     */
    private static @Nullable Boolean automaticAnalysis(PlatformClient client, @Nullable Boolean value) {
        try {
            PlatformClient.Answer answer = value == null
                    ? client.getThroughGateway("/api/v1/analysis-settings")
                    : client.putThroughGateway("/api/v1/analysis-settings", "{\"automaticAnalysis\":" + value + "}");
            if (!answer.ok()) {
                LOG.warn("analysis settings: HTTP {} {}", answer.status(), answer.body());
                return null;
            }
            return answer.json().path("automaticAnalysis").asBoolean(true);
        } catch (Exception e) {
            LOG.warn("analysis settings: {}", e.toString());
            return null;
        }
    }

    private @Nullable AccessToken login(PlatformClient client, Map<String, String> skipped) {
        if (passwordFile == null || !Files.isReadable(passwordFile)) {
            skipped.put("platform", "no readable --password-file for " + username + "@" + tenant);
            return null;
        }
        try {
            return client.login(tenant, username, secret(passwordFile));
        } catch (Exception e) {
            skipped.put("platform", "login through " + gateway + " failed: " + e.getMessage());
            return null;
        }
    }

    /** Chunk texts the platform cut in this run: the ceiling embeds exactly what ingestion embedded. */
    private static List<String> platformChunks(PlatformClient client, List<UUID> documents, int max) {
        List<String> texts = new ArrayList<>();
        for (UUID id : documents) {
            if (texts.size() >= max) {
                break;
            }
            try {
                texts.addAll(client.chunkTexts(id, max - texts.size()));
            } catch (Exception e) {
                LOG.warn("could not read the chunks of {}: {}", id, e.toString());
            }
        }
        return texts;
    }

    /** About 1 MB of generated contract text. */
    private CorpusDocument largeDocument() {
        ContractGenerator big = new ContractGenerator(seed + 1, 170_000);
        CorpusDocument d = big.contract(0);
        return new CorpusDocument("bench-large-1mb.txt", d.contentType(), d.text(), d.bytes());
    }

    private Map<String, String> versions(DatabaseTarget db) {
        Map<String, String> versions = new LinkedHashMap<>();
        versions.put("docmatrix commit", System.getenv().getOrDefault("DOCMATRIX_GIT_COMMIT", "unknown"));
        versions.put("embedding model", model + " (" + threads + " threads, one ONNX Runtime thread each)");
        versions.put(
                "langchain4j",
                "langchain4j 1.19.0, langchain4j-core 1.20.0, langchain4j-pgvector 1.11.0-beta19,"
                        + " langchain4j-embeddings 1.20.0-beta30");
        try (Connection c = db.connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(
                        "SELECT version(), (SELECT extversion FROM pg_extension WHERE extname = 'vector')")) {
            rs.next();
            versions.put("postgresql", rs.getString(1));
            versions.put("pgvector", String.valueOf(rs.getString(2)));
        } catch (Exception e) {
            versions.put("postgresql", "unreachable: " + e.getMessage());
        }
        return versions;
    }

    private Map<String, Object> settings(List<Integer> sizes) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("seed", seed);
        s.put("upload_concurrency", uploadConcurrency);
        s.put("model", model);
        s.put("threads", threads);
        s.put("chunk_tokens", chunkTokens);
        s.put("overlap_tokens", overlapTokens);
        s.put("query_sizes", sizes);
        s.put("clients", clients != null ? clients : quick ? List.of(1, 8, 32) : List.of(1, 8, 32, 64));
        s.put("load_seconds", perLoadSeconds());
        s.put("chunks_per_seeded_document", chunksPerDocument);
        s.put("gateway", gateway);
        s.put("query_service", queryService);
        s.put("tenant", tenant);
        s.put("direct_clients", DIRECT_CLIENTS);
        s.put("answer_cache", "off: every query request sends \"cache\": false (and asks a question not asked before)");
        return s;
    }

    private boolean runs(String phase) {
        return only == null || only.contains(phase);
    }

    private int perLoadSeconds() {
        return loadSeconds != null ? loadSeconds : quick ? 4 : 10;
    }

    private int pick(@Nullable Integer given, int full, int quickValue) {
        return given != null ? given : quick ? quickValue : full;
    }

    private static Duration minutes(double m) {
        return Duration.ofSeconds(Math.round(m * 60));
    }

    private static String secret(@Nullable Path file) throws java.io.IOException {
        return file == null
                ? ""
                : Files.readString(file, StandardCharsets.UTF_8).strip();
    }
}
