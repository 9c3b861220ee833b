package io.docmatrix.eval.reliability;

import io.docmatrix.eval.platform.ConnectionOptions;
import io.docmatrix.eval.platform.Credentials;
import io.docmatrix.eval.reliability.convergence.ConsumerLag;
import io.docmatrix.eval.reliability.convergence.Convergence;
import io.docmatrix.eval.reliability.convergence.OutboxBacklog;
import io.docmatrix.eval.reliability.faults.Components;
import io.docmatrix.eval.reliability.faults.FlakyLlmServer;
import io.docmatrix.eval.reliability.faults.KafkaFaults;
import io.docmatrix.eval.reliability.ledger.GatewayTraffic;
import io.docmatrix.eval.reliability.ledger.Ledger;
import io.docmatrix.eval.reliability.ledger.LedgerEntry;
import io.docmatrix.eval.reliability.ledger.Outcome;
import io.docmatrix.eval.reliability.ledger.StatusLog;
import io.docmatrix.eval.reliability.oracle.StoreReader;
import io.docmatrix.eval.reliability.oracle.StoreSnapshot;
import io.docmatrix.eval.reliability.oracle.Verdict;
import io.docmatrix.eval.reliability.oracle.VersionKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code faults}: uploads batches through the gateway while injecting one fault per phase, then waits for convergence,
 * resolves every indeterminate request by its Idempotency-Key, and lets the oracle judge every document. Exit 0 only
 * when nothing was lost, duplicated, stuck, phantom or leaked, every poison record reached its dead-letter topics, no
 * answer was a 5xx other than 503 with Retry-After, and (full profile) answers fell back while the LLM misbehaved.
 */
@Command(
        name = "faults",
        mixinStandardHelpOptions = true,
        description = "Fault-injection suite against the local platform: client ledger, convergence, oracle (issue 9).")
public final class FaultsCommand implements Callable<Integer> {

    private static final Logger log = LoggerFactory.getLogger(FaultsCommand.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    @Mixin
    ConnectionOptions connection = new ConnectionOptions();

    @Option(names = "--profile", defaultValue = "smoke", description = "smoke (about 5 minutes) or full.")
    String profile = "smoke";

    @Option(names = "--out", description = "JSON results file (default: var/reliability/faults-<stamp>.json).")
    Path out = Path.of("");

    @Option(names = "--root", defaultValue = ".", description = "Repository root (var/run, deploy/local/up).")
    Path root = Path.of(".");

    @Option(names = "--kafka", defaultValue = "127.0.0.1:${env:DOCMATRIX_KAFKA_PORT:-9092}", description = "Broker.")
    String kafka = "127.0.0.1:9092";

    @Option(names = "--pg-port", defaultValue = "${env:DOCMATRIX_PG_PORT:-5433}", description = "PostgreSQL port.")
    int pgPort = 5433;

    @Option(names = "--batch", description = "Uploads per phase (default: 12 smoke, 16 full).")
    int batch = 0;

    @Option(names = "--converge-timeout", defaultValue = "PT4M", description = "Bound of each convergence wait.")
    Duration convergeTimeout = Duration.ofMinutes(4);

    @Option(
            names = "--phases",
            split = ",",
            description = "Only these phases (names as in the report), e.g. kill-ingestion,poison.")
    List<String> onlyPhases = new ArrayList<>();

    private final Ledger ledger = new Ledger();
    private final StatusLog statuses = new StatusLog();
    private final List<Map<String, Object>> phaseReports = new ArrayList<>();
    private final List<String> violations = new ArrayList<>();
    private final Map<String, Object> report = new LinkedHashMap<>();
    private final AtomicInteger sequence = new AtomicInteger();
    private String runId = "";

    @Override
    public Integer call() throws Exception {
        boolean full = "full".equals(profile);
        if (batch == 0) {
            batch = full ? 16 : 12;
        }
        Instant started = Instant.now();
        runId = STAMP.format(started.atZone(ZoneOffset.UTC));
        report.put("profile", profile);
        report.put("startedAt", started.toString());
        Components components = new Components(root.toAbsolutePath().normalize());
        StoreReader stores =
                new StoreReader(new StoreReader.DatabaseAccess("127.0.0.1", pgPort, root.resolve("var/local/secrets")));

        var tenants = connection.tenants();
        Credentials a = tenants.administratorOf("faults-" + runId + "-a").credentials();
        Credentials b = tenants.administratorOf("faults-" + runId + "-b").credentials();
        URI gateway = connection.gatewaySettings().url();
        GatewayTraffic trafficA = new GatewayTraffic(gateway, a, Duration.ofSeconds(30), statuses);
        GatewayTraffic trafficB = new GatewayTraffic(gateway, b, Duration.ofSeconds(30), statuses);
        trafficA.login(Duration.ofSeconds(60));
        trafficB.login(Duration.ofSeconds(60));

        Map<String, URI> relays = new LinkedHashMap<>();
        for (String service : List.of("gateway-service", "auth-service", "ingestion-service", "analysis-service")) {
            relays.put(
                    service,
                    URI.create("http://127.0.0.1:"
                            + System.getenv().getOrDefault(portVariable(service), defaultPort(service))));
        }
        try (KafkaFaults kafkaFaults = new KafkaFaults(kafka);
                ConsumerLag lag = new ConsumerLag(kafka)) {
            // Before the first upload: the replay segment and the outbox check both start here.
            Map<TopicPartition, Long> replayFrom = kafkaFaults.endOffsets();
            // An outbox row started after this instant can only reach Kafka after the offsets above: the exact check
            // compares those rows with the topics from there (earlier rows may have been relayed before them).
            Instant offsetsTaken = Instant.now();
            // Tenant ids come from the stores: one clean upload per tenant before any fault.
            UUID tenantA = stores.tenantOf(firstUpload(trafficA, "baseline"));
            UUID tenantB = stores.tenantOf(firstUpload(trafficB, "baseline"));
            Map<String, UUID> tenantIds = Map.of(a.tenant(), tenantA, b.tenant(), tenantB);
            report.put("tenants", tenantIds);
            Convergence convergence = new Convergence(
                    lag,
                    new OutboxBacklog(relays),
                    () -> notRelayed(stores, kafkaFaults, replayFrom, offsetsTaken),
                    () -> stores.unfinished(tenantIds.values()));
            List<KafkaFaults.Poison> poisons = new ArrayList<>();
            List<GatewayTraffic> traffic = List.of(trafficA, trafficB);

            phase("kill-ingestion-while-relaying", traffic, () -> {
                // Killed while documents of the run are being parsed and embedded, i.e. while its outbox relays.
                long inFlight = awaitInFlight(stores, tenantIds.values());
                Map<String, Object> fault = killAndRestart(components, "ingestion-service");
                fault.put("documentsInFlightAtKill", inFlight);
                return fault;
            });
            phase("kafka-kill-restart", traffic, () -> {
                Map<String, Object> fault = new LinkedHashMap<>();
                fault.put("pid", components.kill("kafka"));
                sleep(Duration.ofSeconds(5));
                fault.put("upRuns", components.up());
                return fault;
            });
            phase("poison-records", traffic, () -> {
                poisons.addAll(kafkaFaults.producePoison(tenantA));
                return Map.of("produced", poisons.size());
            });
            if (full) {
                for (String service : List.of("gateway-service", "analysis-service", "query-service", "auth-service")) {
                    phase("kill-" + service, traffic, () -> killAndRestart(components, service));
                }
                phase("postgres-restart", traffic, () -> {
                    Map<String, Object> fault = new LinkedHashMap<>();
                    fault.put("pid", components.stop("postgres", "INT"));
                    sleep(Duration.ofSeconds(5));
                    fault.put("upRuns", components.up());
                    return fault;
                });
                phase("kafka-outage-beyond-delivery-timeout", traffic, () -> {
                    Map<String, Object> fault = new LinkedHashMap<>();
                    fault.put("pid", components.kill("kafka"));
                    // Producers give up on a record after delivery.timeout.ms (120 s by default): stay down longer.
                    fault.put("downSeconds", 140);
                    sleep(Duration.ofSeconds(140));
                    fault.put("upRuns", components.up());
                    return fault;
                });
                phase("consumer-paused-past-poll-interval", traffic, () -> {
                    Map<String, Object> fault = new LinkedHashMap<>();
                    long pid = components.pause("analysis-service");
                    fault.put("pid", pid);
                    // max.poll.interval.ms is 300 s by default: the group evicts the stopped member.
                    fault.put("pausedSeconds", 310);
                    sleep(Duration.ofSeconds(310));
                    components.resume(pid);
                    return fault;
                });
                phase("flaky-llm", traffic, () -> flakyLlm(components, trafficA));
            }

            // A segment of everything the run produced so far, delivered a second time.
            int replayed = kafkaFaults.replay(replayFrom, tenantA) + kafkaFaults.replay(replayFrom, tenantB);
            report.put("replayedRecords", replayed);
            if (replayed == 0) {
                violations.add("replay found no records of the run's tenants to re-deliver");
            }

            Convergence.Result first = convergence.await(convergeTimeout);
            resolveIndeterminate(traffic);
            Convergence.Result second = convergence.await(convergeTimeout);
            report.put("convergence", List.of(first, second));
            if (!first.converged() || !second.converged()) {
                violations.add("the pipeline did not converge within " + convergeTimeout);
            }

            KafkaFaults.DeadLetterCheck deadLetters = kafkaFaults.deadLetters(poisons);
            report.put("deadLetters", deadLetters);
            if (!deadLetters.passed()) {
                violations.add("poison records: " + deadLetters.found() + " of " + deadLetters.expected()
                        + " in dead-letter topics, " + deadLetters.missingHeaders() + " without dlt headers");
            }

            Map<UUID, UUID> ledgerTenants = new LinkedHashMap<>();
            Map<VersionKey, UUID> expected = new LinkedHashMap<>();
            for (LedgerEntry entry : ledger.entries()) {
                if (entry.finalOutcome() instanceof Outcome.Accepted accepted) {
                    UUID tenant = tenantIds.get(entry.tenant());
                    ledgerTenants.put(accepted.documentId(), tenant);
                    expected.put(new VersionKey(accepted.documentId(), accepted.version()), tenant);
                }
            }
            StoreSnapshot snapshot = stores.read(tenantIds.values(), ledgerTenants);
            Verdict.Result verdict = Verdict.judge(expected, snapshot);
            Map<String, Object> oracle = new LinkedHashMap<>();
            oracle.put("documents", verdict.documents());
            oracle.put("ok", verdict.ok());
            verdict.counts().forEach((kind, n) -> oracle.put(kind.name().toLowerCase(java.util.Locale.ROOT), n));
            oracle.put("findings", verdict.findings().stream().limit(50).toList());
            report.put("oracle", oracle);
            if (verdict.violated()) {
                violations.add("oracle: " + verdict.counts());
            }
        }
        Map<String, Long> ledgerCounts = ledger.counts();
        report.put("ledger", ledgerCounts);
        if (ledgerCounts.get("indeterminateUnresolved") > 0) {
            violations.add(ledgerCounts.get("indeterminateUnresolved") + " indeterminate requests stayed unresolved");
        }
        report.put("phases", phaseReports);
        report.put("statuses", statuses.counts());
        report.put("statusViolations", statuses.violationCount());
        report.put("statusViolationExamples", statuses.violationExamples());
        if (statuses.violationCount() > 0) {
            violations.add(statuses.violationCount() + " answers were a 5xx other than 503 with Retry-After");
        }
        report.put("durationSeconds", Duration.between(started, Instant.now()).toSeconds());
        report.put("violations", violations);
        report.put("passed", violations.isEmpty());
        write();
        log.info(
                "faults {}: {}",
                violations.isEmpty() ? "PASSED" : "FAILED",
                violations.isEmpty() ? report.get("oracle") : violations);
        return violations.isEmpty() ? 0 : 1;
    }

    private UUID firstUpload(GatewayTraffic traffic, String phase) {
        for (int attempt = 0; attempt < 30; attempt++) {
            Outcome outcome = send(traffic, phase);
            if (outcome instanceof Outcome.Accepted accepted) {
                return accepted.documentId();
            }
            sleep(Duration.ofSeconds(2));
        }
        throw new IllegalStateException("no baseline upload of " + traffic.tenant() + " was accepted");
    }

    /** One upload, recorded in the ledger. Its content follows from its key, so a resolution resends the same bytes. */
    private Outcome send(GatewayTraffic traffic, String phase) {
        String key = "faults-" + runId + "-" + sequence.incrementAndGet();
        Instant sentAt = Instant.now();
        Outcome outcome = traffic.upload(key, key, content(key));
        ledger.record(new LedgerEntry(traffic.tenant(), key, key, phase, sentAt, outcome, null));
        return outcome;
    }

    static byte[] content(String key) {
        String[] words = {
            "agreement",
            "party",
            "supplier",
            "customer",
            "term",
            "notice",
            "liability",
            "payment",
            "invoice",
            "delivery",
            "warranty",
            "termination",
            "confidential",
            "schedule",
            "services",
            "fees",
            "governing",
            "law",
            "dispute",
            "renewal"
        };
        java.util.Random random = new java.util.Random(key.hashCode());
        StringBuilder text =
                new StringBuilder("Fault suite document ").append(key).append(".\n\n");
        for (int paragraph = 0; paragraph < 3; paragraph++) {
            for (int word = 0; word < 60; word++) {
                text.append(words[random.nextInt(words.length)]).append(word % 12 == 11 ? ". " : " ");
            }
            text.append("\n\n");
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A fault action; returns what it did (PIDs, durations) for the report. */
    @FunctionalInterface
    interface Fault {
        Map<String, Object> inject() throws Exception;
    }

    /**
     * Sends a batch from both tenants while a prober reads through the gateway; the fault is injected once a third
     * of the batch is out, so requests are in flight on both sides of it.
     */
    private void phase(String name, List<GatewayTraffic> traffic, Fault fault) {
        if (!onlyPhases.isEmpty() && !onlyPhases.contains(name)) {
            return;
        }
        log.info("---- phase {}", name);
        Instant started = Instant.now();
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger sent = new AtomicInteger();
        // Own threads: the common pool has one worker on two cores, which would send the tenants' batches in turn.
        ExecutorService threads = Executors.newFixedThreadPool(traffic.size() + 1);
        List<CompletableFuture<Void>> senders = new ArrayList<>();
        for (GatewayTraffic client : traffic) {
            senders.add(CompletableFuture.runAsync(
                    () -> {
                        for (int i = 0; i < batch / traffic.size(); i++) {
                            send(client, name);
                            sent.incrementAndGet();
                            sleep(Duration.ofMillis(700));
                        }
                    },
                    threads));
        }
        CompletableFuture<Void> prober = CompletableFuture.runAsync(
                () -> {
                    while (running.get()) {
                        traffic.get(0).probe("list-documents", "/api/v1/documents?limit=5");
                        traffic.get(0).probe("search", "/api/v1/documents?limit=1&q=liability");
                        sleep(Duration.ofMillis(500));
                    }
                },
                threads);
        Map<String, Object> phaseReport = new LinkedHashMap<>();
        phaseReport.put("phase", name);
        try {
            long waitUntil = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (sent.get() < batch / 3 && System.nanoTime() < waitUntil) {
                sleep(Duration.ofMillis(100));
            }
            phaseReport.put("fault", fault.inject());
        } catch (Exception e) {
            log.error("fault of phase {} failed", name, e);
            phaseReport.put("faultError", String.valueOf(e.getMessage()));
            violations.add("phase " + name + ": the fault could not be injected or recovered: " + e.getMessage());
            try {
                new Components(root.toAbsolutePath().normalize()).up();
            } catch (RuntimeException again) {
                log.error("deploy/local/up failed after phase {}", name, again);
            }
        }
        senders.forEach(CompletableFuture::join);
        running.set(false);
        prober.join();
        threads.shutdown();
        phaseReport.put("uploads", sent.get());
        phaseReport.put("seconds", Duration.between(started, Instant.now()).toSeconds());
        phaseReports.add(phaseReport);
    }

    /** Per relaying service, its outbox events of this run that Kafka does not have; -1 while that is unknowable. */
    private static Map<String, Long> notRelayed(
            StoreReader stores, KafkaFaults kafka, Map<TopicPartition, Long> from, Instant since) {
        Map<String, Long> result = new LinkedHashMap<>();
        try {
            Map<String, Set<UUID>> written = stores.outboxEventsSince(since);
            Set<String> delivered = kafka.deliveredEventIds(from);
            written.forEach((service, ids) -> result.put(
                    service,
                    ids.stream()
                            .filter(id -> !delivered.contains(id.toString()))
                            .count()));
        } catch (java.sql.SQLException | RuntimeException e) {
            result.put("error: " + e.getMessage(), -1L);
        }
        return result;
    }

    /** Waits up to 20 s until some document of the run is between received and final; returns how many are. */
    private static long awaitInFlight(StoreReader stores, java.util.Collection<UUID> tenants) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        long inFlight = stores.unfinished(tenants);
        while (inFlight == 0 && System.nanoTime() < deadline) {
            sleep(Duration.ofMillis(200));
            inFlight = stores.unfinished(tenants);
        }
        return inFlight;
    }

    private Map<String, Object> killAndRestart(Components components, String service) {
        Map<String, Object> fault = new LinkedHashMap<>();
        fault.put("pid", components.kill(service));
        long started = System.nanoTime();
        fault.put("upRuns", components.up());
        fault.put(
                "restartSeconds", Duration.ofNanos(System.nanoTime() - started).toSeconds());
        return fault;
    }

    /**
     * Restarts query-service against a chat-completions server that fails half the time (hang, reset, 500); questions
     * must still be answered within the LLM timeout budget (fallback while the breaker is open).
     */
    private Map<String, Object> flakyLlm(Components components, GatewayTraffic traffic) throws IOException {
        Map<String, Object> fault = new LinkedHashMap<>();
        Duration timeout = Duration.ofSeconds(2);
        int attempts = 2;
        // Every attempt may time out, plus the backoff, plus the rest of answering: what a client may have to wait.
        Duration budget = timeout.multipliedBy(attempts).plusSeconds(4);
        try (FlakyLlmServer llm = new FlakyLlmServer(Duration.ofSeconds(30))) {
            components.restartWith(Map.of(
                    "QUERY_ANSWERS_LLM_ENABLED",
                    "true",
                    "QUERY_ANSWERS_LLM_BASE_URL",
                    llm.baseUrl(),
                    "QUERY_ANSWERS_LLM_TIMEOUT",
                    timeout.toSeconds() + "s",
                    "QUERY_ANSWERS_LLM_MAX_ATTEMPTS",
                    Integer.toString(attempts),
                    "QUERY_ANSWERS_CACHE_ENABLED",
                    "false"));
            fault.put("restart", killAndRestart(components, "query-service"));
            int answered = 0;
            int late = 0;
            long slowestMillis = 0;
            for (int i = 0; i < 12; i++) {
                var answer = traffic.ask("What does the agreement say about liability and payment " + i + "?");
                if (answer.isPresent()) {
                    answered++;
                    long millis = answer.get().elapsed().toMillis();
                    slowestMillis = Math.max(slowestMillis, millis);
                    if (millis > budget.toMillis()) {
                        late++;
                    }
                }
            }
            fault.put("questions", 12);
            fault.put("answered", answered);
            fault.put("answeredLate", late);
            fault.put("slowestMillis", slowestMillis);
            fault.put("budgetMillis", budget.toMillis());
            fault.put("llmCalls", llm.counts());
            if (answered < 12 || late > 0) {
                violations.add("flaky LLM: " + answered + "/12 answered, " + late + " later than " + budget);
            }
        } finally {
            components.clearRestartEnvironment();
            fault.put("restore", killAndRestart(components, "query-service"));
        }
        return fault;
    }

    /** Repeats each indeterminate request under its key: a replayed answer proves the first one committed. */
    private void resolveIndeterminate(List<GatewayTraffic> traffic) {
        List<LedgerEntry> open = ledger.indeterminate();
        log.info("resolving {} indeterminate requests by their Idempotency-Key", open.size());
        for (LedgerEntry entry : open) {
            GatewayTraffic client = traffic.stream()
                    .filter(t -> t.tenant().equals(entry.tenant()))
                    .findFirst()
                    .orElseThrow();
            Outcome resolved =
                    client.upload(entry.idempotencyKey(), entry.externalId(), content(entry.idempotencyKey()));
            for (int attempt = 0; attempt < 5 && resolved instanceof Outcome.Indeterminate; attempt++) {
                sleep(Duration.ofSeconds(3));
                resolved = client.upload(entry.idempotencyKey(), entry.externalId(), content(entry.idempotencyKey()));
            }
            ledger.resolve(entry.idempotencyKey(), resolved);
        }
    }

    private void write() throws IOException {
        Path file = out.toString().isEmpty() ? root.resolve("var/reliability/faults-" + runId + ".json") : out;
        if (file.toAbsolutePath().getParent() != null) {
            Files.createDirectories(file.toAbsolutePath().getParent());
        }
        JsonMapper json =
                JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
        try {
            Files.writeString(file, json.writeValueAsString(report));
        } catch (RuntimeException e) {
            throw new UncheckedIOException(new IOException("could not write " + file, e));
        }
        System.out.println("results: " + file);
        System.out.println(json.writeValueAsString(summary()));
    }

    private Map<String, Object> summary() {
        Map<String, Object> summary = new LinkedHashMap<>();
        for (String key : List.of(
                "profile",
                "passed",
                "durationSeconds",
                "ledger",
                "oracle",
                "replayedRecords",
                "statusViolations",
                "violations")) {
            Object value = report.get(key);
            if (value instanceof Map<?, ?> map && map.containsKey("findings")) {
                Map<Object, Object> copy = new LinkedHashMap<>(map);
                copy.remove("findings");
                value = copy;
            }
            summary.put(key, value);
        }
        Object deadLetters = report.get("deadLetters");
        if (deadLetters instanceof KafkaFaults.DeadLetterCheck check) {
            summary.put("deadLetters", Map.of("expected", check.expected(), "found", check.found()));
        }
        return summary;
    }

    private static String portVariable(String service) {
        return "DOCMATRIX_" + service.substring(0, service.indexOf('-')).toUpperCase(java.util.Locale.ROOT) + "_PORT";
    }

    private static String defaultPort(String service) {
        return switch (service) {
            case "gateway-service" -> "8080";
            case "auth-service" -> "8081";
            case "ingestion-service" -> "8082";
            default -> "8083";
        };
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static Set<String> phaseNames(boolean full) {
        Set<String> names =
                new LinkedHashSet<>(List.of("kill-ingestion-while-relaying", "kafka-kill-restart", "poison-records"));
        if (full) {
            names.addAll(List.of(
                    "kill-gateway-service",
                    "kill-analysis-service",
                    "kill-query-service",
                    "kill-auth-service",
                    "postgres-restart",
                    "kafka-outage-beyond-delivery-timeout",
                    "consumer-paused-past-poll-interval",
                    "flaky-llm"));
        }
        return names;
    }
}
