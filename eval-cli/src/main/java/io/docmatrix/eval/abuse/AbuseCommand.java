package io.docmatrix.eval.abuse;

import io.docmatrix.eval.abuse.http.Probe;
import io.docmatrix.eval.abuse.injection.PromptInjectionSuite;
import io.docmatrix.eval.abuse.isolation.IsolationSuite;
import io.docmatrix.eval.abuse.listener.CallbackListener;
import io.docmatrix.eval.abuse.llm.ObedientLlm;
import io.docmatrix.eval.abuse.sqli.SqlInjectionSuite;
import io.docmatrix.eval.abuse.tokens.TokenSuite;
import io.docmatrix.eval.abuse.uploads.UploadSuite;
import io.docmatrix.eval.platform.ConnectionOptions;
import io.docmatrix.eval.platform.GatewaySettings;
import io.docmatrix.eval.report.ReportFiles;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code abuse [--suite uploads,isolation,sqli,tokens,injection] [--smoke] [--out DIR]}: the abuse and bad-input
 * suites of issue 9 against a running platform. Exit status 0 when no promise was broken, 1 when any was (or a suite
 * could not run), 2 when the platform could not be reached.
 */
@Command(
        name = "abuse",
        mixinStandardHelpOptions = true,
        description = "Abuse and bad-input suites: hostile uploads, tenant isolation, SQL injection, token forgery and"
                + " refresh replay, prompt injection. Writes abuse.json (and one JSON per suite) to --out; exits 1 on"
                + " any violation.")
public class AbuseCommand implements Callable<Integer> {

    private static final Logger log = LoggerFactory.getLogger(AbuseCommand.class);
    static final List<String> SUITES = List.of("uploads", "isolation", "sqli", "tokens", "injection");

    @Mixin
    ConnectionOptions connection = new ConnectionOptions();

    @Option(
            names = "--suite",
            split = ",",
            description = "Suites to run, in this order: any of uploads, isolation, sqli, tokens, injection, or all"
                    + " (default for abuse: uploads,sqli,tokens; isolation and injection are their own commands).")
    @Nullable
    List<String> suites;

    @Option(names = "--smoke", description = "The small profile (about 60 uploads, ~300 isolation probes) for CI.")
    boolean smoke;

    @Option(names = "--full", description = "The whole profile (the default; accepted for deploy/local/prove).")
    boolean full;

    @Option(
            names = "--out",
            description = "Result folder (default: var/eval/abuse-<timestamp>), or a .json file: then only the summary"
                    + " is written there, and the Markdown report beside it.")
    @Nullable
    Path out;

    @Option(
            names = "--var-dir",
            defaultValue = "var",
            description =
                    "The platform's var folder: logs, PIDs and the blob root are checked there (default: ${DEFAULT-VALUE}).")
    Path varDir = Path.of("var");

    @Option(
            names = "--parser-corpus",
            description =
                    "Also upload every file of this folder (e.g. ../shared/eval-data/parser-corpus); skipped when absent.")
    @Nullable
    Path parserCorpus;

    @Option(
            names = "--llm-port",
            defaultValue = "${env:DOCMATRIX_ABUSE_LLM_PORT:-0}",
            description = "Serve the obedient test LLM on this port; query-service must have been started with"
                    + " QUERY_ANSWERS_LLM_ENABLED=true and QUERY_ANSWERS_LLM_BASE_URL=http://127.0.0.1:<port>/v1"
                    + " (default: $DOCMATRIX_ABUSE_LLM_PORT, 0 = no model: prompt checks are skipped).")
    int llmPort;

    @Option(names = "--run-id", description = "Marks this run's canaries and names (default: random).")
    @Nullable
    String runId;

    /** The suites this command runs when {@code --suite} is not given. */
    List<String> defaultSuites() {
        return List.of("uploads", "sqli", "tokens");
    }

    @Override
    public Integer call() throws Exception {
        List<String> suites =
                this.suites == null ? defaultSuites() : this.suites.contains("all") ? SUITES : this.suites;
        for (String suite : suites) {
            if (!SUITES.contains(suite)) {
                throw new picocli.CommandLine.ParameterException(
                        new picocli.CommandLine(this), "unknown suite " + suite + "; known: " + SUITES);
            }
        }
        String id = runId != null ? runId : HexFormat.of().formatHex(java.security.SecureRandom.getSeed(4));
        boolean single = out != null && out.getFileName().toString().endsWith(".json");
        ReportFiles files = new ReportFiles(
                out == null
                        ? ReportFiles.defaultFolder("abuse", ZonedDateTime.now())
                        : single ? out.toAbsolutePath().getParent() : out);
        GatewaySettings gateway = connection.gatewaySettings();
        Instant started = Instant.now();
        List<SuiteResult> results = new ArrayList<>();
        try (CallbackListener listener = new CallbackListener();
                ObedientLlm llm = llmPort > 0 ? new ObedientLlm(llmPort) : null) {
            AbuseContext context = new AbuseContext(
                    new Probe(gateway.url(), gateway.requestTimeout()),
                    connection.tenants(),
                    listener,
                    llm,
                    varDir,
                    parserCorpus,
                    smoke,
                    id,
                    new ConcurrentHashMap<>());
            log.info(
                    "abuse run {} ({}), suites {}, listener on port {}, obedient LLM {}",
                    id,
                    smoke ? "smoke" : "full",
                    suites,
                    listener.port(),
                    llm == null ? "off" : "on port " + llm.port());
            for (String name : suites) {
                AbuseSuite suite = suite(name);
                Tally tally = new Tally();
                Instant suiteStarted = Instant.now();
                try {
                    suite.run(context, tally);
                } catch (io.docmatrix.eval.platform.PlatformException e) {
                    throw e; // the platform is unreachable or refused the harness itself: nothing was measured
                } catch (Exception e) {
                    log.error("{} could not run", name, e);
                    tally.violation("suite-error", name, e.toString());
                }
                SuiteResult result = tally.result(name, smoke, Duration.between(suiteStarted, Instant.now()));
                log.info(
                        "{}: {} ({} violations, {} s)",
                        name,
                        result.passed() ? "PASSED" : "FAILED",
                        result.violations(),
                        result.durationMillis() / 1000);
                if (!single) {
                    files.writeJson(name + ".json", result);
                }
                results.add(result);
            }
        }
        long violations = results.stream().mapToLong(SuiteResult::violations).sum();
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("runId", id);
        summary.put("profile", smoke ? "smoke" : "full");
        summary.put("passed", violations == 0);
        summary.put("violations", violations);
        summary.put("durationMillis", Duration.between(started, Instant.now()).toMillis());
        summary.put("suites", results);
        String stem = single ? out.getFileName().toString().replaceFirst("\\.json$", "") : "abuse";
        files.writeJson(stem + ".json", summary);
        files.writeText(single ? stem + ".md" : "report.md", AbuseReport.markdown(id, smoke, results));
        log.info("abuse run {}: {} violations; results in {}", id, violations, files.folder());
        return violations == 0 ? 0 : 1;
    }

    /** {@code isolation}: the tenant-isolation suite alone (the name deploy/local/prove calls it by). */
    @Command(
            name = "isolation",
            mixinStandardHelpOptions = true,
            description = "Tenant isolation: canaries in one tenant, >= 1,000 ways for another to reach them (abuse"
                    + " --suite isolation).")
    public static final class Isolation extends AbuseCommand {
        @Override
        List<String> defaultSuites() {
            return List.of("isolation");
        }
    }

    /** {@code injection}: the prompt-injection suite alone. */
    @Command(
            name = "injection",
            mixinStandardHelpOptions = true,
            description = "Prompt injection answered by an obedient test LLM (abuse --suite injection).")
    public static final class Injection extends AbuseCommand {
        @Override
        List<String> defaultSuites() {
            return List.of("injection");
        }
    }

    private static AbuseSuite suite(String name) {
        return switch (name) {
            case "uploads" -> new UploadSuite();
            case "isolation" -> new IsolationSuite();
            case "sqli" -> new SqlInjectionSuite();
            case "tokens" -> new TokenSuite();
            case "injection" -> new PromptInjectionSuite();
            default -> throw new IllegalArgumentException(name);
        };
    }
}
