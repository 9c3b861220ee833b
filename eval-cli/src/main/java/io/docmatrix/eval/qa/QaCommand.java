package io.docmatrix.eval.qa;

import io.docmatrix.eval.corpus.CorpusLoader;
import io.docmatrix.eval.corpus.LoadedDocument;
import io.docmatrix.eval.platform.ConnectionOptions;
import io.docmatrix.eval.platform.PlatformClient;
import io.docmatrix.eval.report.ReportFiles;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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

/** {@code qa FOLDER}: loads a SQuAD-style data set into the platform and measures retrieval and answers. */
@Command(
        name = "qa",
        mixinStandardHelpOptions = true,
        description = "Retrieval and answer quality on a folder with corpus.jsonl and questions.jsonl"
                + " (e.g. eval-data/xquad-en/dev, eval-data/covid-qa/dev).")
public final class QaCommand implements Callable<Integer> {

    private static final Logger log = LoggerFactory.getLogger(QaCommand.class);
    private static final List<String> KNOWN_MODES = List.of("HYBRID", "VECTOR", "TEXT");

    @Mixin
    ConnectionOptions connection = new ConnectionOptions();

    @Spec
    @Nullable
    CommandSpec spec;

    @Parameters(index = "0", description = "Data set folder (corpus.jsonl + questions.jsonl).")
    Path folder = Path.of(".");

    @Option(
            names = "--name",
            description = "Data set name: the collection and report name (default: derived from the folder).")
    @Nullable
    String name;

    @Option(
            names = "--tenant",
            defaultValue = "eval",
            description = "Tenant to load into and ask as (default: ${DEFAULT-VALUE}).")
    String tenant = "eval";

    @Option(
            names = "--modes",
            split = ",",
            defaultValue = "HYBRID,VECTOR,TEXT",
            description = "Retrieval modes to measure (default: ${DEFAULT-VALUE}).")
    List<String> modes = List.of("HYBRID", "VECTOR", "TEXT");

    @Option(
            names = "--top-k",
            defaultValue = "10",
            description = "Results per search (default: ${DEFAULT-VALUE}; recall@10 needs 10).")
    int topK = 10;

    @Option(
            names = "--limit",
            defaultValue = "0",
            description = "Ask at most N questions, a stable sample (default: all).")
    int limit;

    @Option(
            names = "--sample-seed",
            defaultValue = "docmatrix",
            description = "Seed of the --limit sample (default: ${DEFAULT-VALUE}).")
    String sampleSeed = "docmatrix";

    @Option(names = "--no-answers", description = "Measure retrieval only (no POST /api/v1/query).")
    boolean noAnswers;

    @Option(names = "--answer-mode", description = "Retrieval mode of the answer calls (default: the platform's).")
    @Nullable
    String answerMode;

    @Option(
            names = "--answer-top-k",
            description = "Passages an answer may use (default: the platform's; answers are measured as served).")
    @Nullable
    Integer answerTopK;

    @Option(
            names = "--scope",
            defaultValue = "dataset",
            description = "dataset: restrict searches to the data set's documents (documentIds); tenant: search the"
                    + " whole tenant (default: ${DEFAULT-VALUE}).")
    String scope = "dataset";

    @Option(
            names = "--upload-concurrency",
            defaultValue = "4",
            description = "Parallel uploads (default: ${DEFAULT-VALUE}).")
    int uploadConcurrency = 4;

    @Option(
            names = "--concurrency",
            defaultValue = "1",
            description = "Questions in flight (default: ${DEFAULT-VALUE}: latencies of an otherwise idle platform).")
    int concurrency = 1;

    @Option(
            names = "--ready-timeout",
            defaultValue = "PT30M",
            description = "Wait for READY, ISO-8601 (default: ${DEFAULT-VALUE}).")
    Duration readyTimeout = Duration.ofMinutes(30);

    @Option(
            names = "--searchable-timeout",
            defaultValue = "PT5M",
            description = "Wait for the query read store, ISO-8601 (default: ${DEFAULT-VALUE}).")
    Duration searchableTimeout = Duration.ofMinutes(5);

    @Option(names = "--out", description = "Report folder (default: var/eval/<name>-<timestamp>).")
    @Nullable
    Path out;

    @Override
    public Integer call() {
        List<String> requested =
                modes.stream().map(m -> m.strip().toUpperCase(Locale.ROOT)).toList();
        for (String mode : requested) {
            if (!KNOWN_MODES.contains(mode)) {
                throw new picocli.CommandLine.ParameterException(
                        spec.commandLine(), "unknown mode " + mode + "; use " + String.join(",", KNOWN_MODES));
            }
        }
        String dataset = name != null ? name : ReportFiles.datasetName(folder);
        Instant started = Instant.now();
        QaDataset data = QaDataset.load(folder, dataset);
        List<QaDataset.Question> questions = data.sample(limit, sampleSeed);
        log.info(
                "{}: {} documents, {} questions ({} asked), {} gold spans relocated",
                dataset,
                data.documents().size(),
                data.questions().size(),
                questions.size(),
                data.goldSpansRelocated());

        PlatformClient platform = connection.tenants().administratorOf(tenant);
        CorpusLoader loader = new CorpusLoader(platform, uploadConcurrency);
        List<LoadedDocument> documents = loader.awaitReady(loader.upload(data.documents()), readyTimeout);
        List<LoadedDocument> notSearchable = loader.awaitSearchable(documents, searchableTimeout);
        CorpusLoader.AlignmentSummary alignment = CorpusLoader.AlignmentSummary.of(documents);
        log.info(
                "offsets: {} of {} chunks equal the source, {} remapped, {} not located",
                alignment.chunksExact(),
                alignment.chunks(),
                alignment.chunksRemapped(),
                alignment.chunksUnlocated());

        QaEvaluation evaluation = new QaEvaluation(
                platform,
                documents,
                new QaEvaluation.Settings(
                        requested, topK, !noAnswers, answerMode, answerTopK, !"tenant".equals(scope), concurrency));
        QaEvaluation.Outcome outcome = evaluation.run(questions);

        List<String> errors = outcome.results().stream()
                .flatMap(r -> r.errors().stream().map(e -> r.id() + ": " + e))
                .toList();
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("modes", requested);
        settings.put("topK", topK);
        settings.put("limit", limit);
        settings.put("sampleSeed", sampleSeed);
        settings.put("answers", !noAnswers);
        settings.put("answerMode", answerMode == null ? "platform default" : answerMode);
        settings.put("answerTopK", answerTopK == null ? "platform default" : answerTopK);
        settings.put("scope", scope);
        settings.put("concurrency", concurrency);
        QaReport report = new QaReport(
                dataset,
                connection.gatewaySettings().url().toString(),
                tenant,
                started.toString(),
                Instant.now().toString(),
                settings,
                data.questions().size(),
                questions.size(),
                data.goldSpansRelocated(),
                CorpusLoader.LoadSummary.of(documents, notSearchable, loader.refusedUploads()),
                alignment,
                QaReport.retrieval(outcome, requested),
                QaReport.answers(outcome),
                outcome.results().stream().filter(r -> !r.errors().isEmpty()).count(),
                errors.stream().limit(20).toList());

        ReportFiles files =
                new ReportFiles(out != null ? out : ReportFiles.defaultFolder(dataset, ZonedDateTime.now()));
        files.write(report, report.markdown());
        files.writeJson("questions.json", outcome.results());
        spec.commandLine().getOut().println(report.markdown());
        spec.commandLine().getOut().println("Report: " + files.folder().toAbsolutePath());
        return 0;
    }
}
