package io.docmatrix.eval.clauses;

import io.docmatrix.eval.platform.ConnectionOptions;
import io.docmatrix.eval.platform.PlatformClient;
import io.docmatrix.eval.report.ReportFiles;
import io.docmatrix.eval.scoring.PresenceScores;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code clauses FOLDER}: clause extraction quality on CUAD, two-fold, learned exemplars from the other fold. */
@Command(
        name = "clauses",
        mixinStandardHelpOptions = true,
        description = "Clause presence and span recall per CUAD category on a folder with manifest.jsonl,"
                + " contracts/*.txt and clauses.jsonl (e.g. eval-data/cuad/dev).")
public final class ClausesCommand implements Callable<Integer> {

    /**
     * Document-level metadata rather than clauses: a title, the parties and two dates are extracted facts, found by
     * every contract's first lines, and would inflate micro scores (present in nearly every contract).
     */
    static final List<String> DEFAULT_SKIPPED = List.of("Document Name", "Parties", "Agreement Date", "Effective Date");

    private static final Logger log = LoggerFactory.getLogger(ClausesCommand.class);

    @Mixin
    ConnectionOptions connection = new ConnectionOptions();

    @Spec
    @Nullable
    CommandSpec spec;

    @Parameters(index = "0", description = "CUAD-style folder.")
    Path folder = Path.of(".");

    @Option(
            names = "--tenant-prefix",
            defaultValue = "eval-clauses",
            description = "Tenants are <prefix>-a, <prefix>-b and <prefix>-builtin (default: ${DEFAULT-VALUE}).")
    String tenantPrefix = "eval-clauses";

    @Option(
            names = "--folds",
            defaultValue = "1",
            description = "1: evaluate fold A only; 2: also the swap, fold B (default: ${DEFAULT-VALUE}).")
    int folds = 1;

    @Option(
            names = "--no-learn",
            description = "Measure the built-in exemplars only (tenant <prefix>-builtin, learned exemplars cleared).")
    boolean noLearn;

    @Option(
            names = "--exemplar-cap",
            defaultValue = "30",
            description = "Learned exemplars per category (default: ${DEFAULT-VALUE}).")
    int exemplarCap = 30;

    @Option(
            names = "--exemplar-min-chars",
            defaultValue = "20",
            description = "Shorter gold spans are not learned (default: ${DEFAULT-VALUE}).")
    int exemplarMinChars = 20;

    @Option(
            names = "--exemplar-max-chars",
            defaultValue = "2000",
            description = "Longer gold spans are cut (default: ${DEFAULT-VALUE}).")
    int exemplarMaxChars = 2000;

    @Option(
            names = "--exemplar-batch",
            defaultValue = "100",
            description = "Exemplars per POST (default: ${DEFAULT-VALUE}).")
    int exemplarBatch = 100;

    @Option(
            names = "--skip-categories",
            split = ",",
            description = "Categories not evaluated (default: Document Name,Parties,Agreement Date,Effective Date).")
    @Nullable
    List<String> skipCategories;

    @Option(
            names = "--limit",
            defaultValue = "0",
            description = "Evaluate at most N contracts per fold (default: all).")
    int limit;

    @Option(
            names = "--upload-concurrency",
            defaultValue = "4",
            description = "Parallel uploads (default: ${DEFAULT-VALUE}).")
    int uploadConcurrency = 4;

    @Option(
            names = "--ready-timeout",
            defaultValue = "PT30M",
            description = "Wait for READY, ISO-8601 (default: ${DEFAULT-VALUE}).")
    Duration readyTimeout = Duration.ofMinutes(30);

    @Option(
            names = "--analysis-timeout",
            defaultValue = "PT20M",
            description = "Wait for analyses COMPLETED, ISO-8601 (default: ${DEFAULT-VALUE}).")
    Duration analysisTimeout = Duration.ofMinutes(20);

    @Option(names = "--out", description = "Report folder (default: var/eval/cuad-clauses-<timestamp>).")
    @Nullable
    Path out;

    @Override
    public Integer call() {
        if (folds < 1 || folds > 2) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--folds must be 1 or 2");
        }
        Instant started = Instant.now();
        String collection = ReportFiles.datasetName(folder);
        CuadDataset data = CuadDataset.load(folder, collection);
        List<String> skipped = skipCategories != null ? skipCategories : DEFAULT_SKIPPED;
        List<String> skippedKeys = skipped.stream().map(CuadDataset::key).toList();
        Map<String, String> evaluated = new LinkedHashMap<>();
        data.categories().stream()
                .filter(c -> !skippedKeys.contains(CuadDataset.key(c)))
                .forEach(c -> evaluated.put(CuadDataset.key(c), c));

        List<List<CuadDataset.Contract>> byFold = List.of(new ArrayList<>(), new ArrayList<>());
        data.contracts().forEach(c -> byFold.get(CuadDataset.fold(c.id())).add(c));
        log.info(
                "{}: {} contracts (fold A {}, fold B {}), {} categories evaluated, {} gold spans relocated, {} dropped",
                collection,
                data.contracts().size(),
                byFold.get(0).size(),
                byFold.get(1).size(),
                evaluated.size(),
                data.spansRelocated(),
                data.spansDropped());

        ClausesEvaluation.Settings settings = new ClausesEvaluation.Settings(
                exemplarCap,
                exemplarMinChars,
                exemplarMaxChars,
                exemplarBatch,
                !noLearn,
                uploadConcurrency,
                readyTimeout,
                analysisTimeout);
        PresenceScores combined = new PresenceScores();
        List<ClausesEvaluation.FoldReport> reports = new ArrayList<>();
        String[] names = {"A", "B"};
        for (int fold = 0; fold < folds; fold++) {
            // Without learning both folds share one tenant: nothing fold-specific is stored there.
            String tenant = tenantPrefix + "-" + (noLearn ? "builtin" : names[fold].toLowerCase(java.util.Locale.ROOT));
            PlatformClient platform = connection.tenants().administratorOf(tenant);
            List<CuadDataset.Contract> evaluatedContracts = byFold.get(fold);
            if (limit > 0 && evaluatedContracts.size() > limit) {
                evaluatedContracts = evaluatedContracts.subList(0, limit);
            }
            reports.add(new ClausesEvaluation(platform, settings, evaluated)
                    .run(names[fold], evaluatedContracts, byFold.get(1 - fold), combined));
        }

        Map<String, Object> settingsReport = new LinkedHashMap<>();
        settingsReport.put("folds", folds);
        settingsReport.put("learn", !noLearn);
        settingsReport.put("exemplarCap", exemplarCap);
        settingsReport.put("exemplarMinChars", exemplarMinChars);
        settingsReport.put("exemplarMaxChars", exemplarMaxChars);
        settingsReport.put("limit", limit);
        settingsReport.put("foldRule", "SHA-256(\"cuad-fold:\" + contract_id) first 8 bytes mod 2: 0 = A, 1 = B");
        ClausesReport report = new ClausesReport(
                collection,
                connection.gatewaySettings().url().toString(),
                started.toString(),
                Instant.now().toString(),
                settingsReport,
                skipped,
                List.copyOf(evaluated.values()),
                data.spansRelocated(),
                data.spansDropped(),
                reports,
                combined.result());
        String name = "cuad-clauses" + (noLearn ? "-builtin" : "");
        ReportFiles files = new ReportFiles(out != null ? out : ReportFiles.defaultFolder(name, ZonedDateTime.now()));
        files.write(report, report.markdown());
        spec.commandLine().getOut().println(report.markdown());
        spec.commandLine().getOut().println("Report: " + files.folder().toAbsolutePath());
        return 0;
    }
}
