package io.docmatrix.eval.demo;

import io.docmatrix.eval.corpus.CorpusLoader;
import io.docmatrix.eval.corpus.LoadedDocument;
import io.docmatrix.eval.corpus.OffsetMap;
import io.docmatrix.eval.corpus.SourceDocument;
import io.docmatrix.eval.platform.ConnectionOptions;
import io.docmatrix.eval.platform.PlatformClient;
import io.docmatrix.eval.platform.PlatformException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code demo}: the platform's main job in one run, for someone seeing it for the first time. */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = "Uploads a few documents, shows their progress, asks a question, prints the cited answer and"
                + " the analysis findings.")
public final class DemoCommand implements Callable<Integer> {

    private static final Duration POLL = Duration.ofMillis(700);

    @Mixin
    ConnectionOptions connection = new ConnectionOptions();

    @Spec
    @Nullable
    CommandSpec spec;

    @Option(
            names = "--tenant",
            defaultValue = "demo",
            description = "Tenant (default: ${DEFAULT-VALUE}, whose admin is the bootstrap administrator).")
    String tenant = "demo";

    @Option(
            names = "--question",
            defaultValue = "What law governs the agreement?",
            description = "Question to ask (default: ${DEFAULT-VALUE}).")
    String question = "What law governs the agreement?";

    @Option(names = "--docs", description = "Folder of .txt/.md documents to upload instead of the default choice.")
    @Nullable
    Path docs;

    @Option(
            names = "--eval-data",
            defaultValue = "${env:DOCMATRIX_EVAL_DATA:-/work/shared/eval-data}",
            description =
                    "Evaluation data; when it holds cuad/dev, the demo uploads --count of its contracts (default: ${DEFAULT-VALUE}).")
    Path evalData = Path.of("/work/shared/eval-data");

    @Option(
            names = "--sample-docs",
            defaultValue = "deploy/local/demo-docs",
            description = "Sample documents used without evaluation data (default: ${DEFAULT-VALUE}).")
    Path sampleDocs = Path.of("deploy/local/demo-docs");

    @Option(
            names = "--count",
            defaultValue = "3",
            description = "CUAD contracts to upload (default: ${DEFAULT-VALUE}).")
    int count = 3;

    @Option(
            names = "--ready-timeout",
            defaultValue = "PT10M",
            description = "Wait for READY (default: ${DEFAULT-VALUE}).")
    Duration readyTimeout = Duration.ofMinutes(10);

    @Option(
            names = "--analysis-wait",
            defaultValue = "PT90S",
            description = "Wait for analyses before skipping them (default: ${DEFAULT-VALUE}).")
    Duration analysisWait = Duration.ofSeconds(90);

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<SourceDocument> documents = chooseDocuments(out);
        if (documents.isEmpty()) {
            throw new PlatformException("no documents to upload (see --docs, --eval-data, --sample-docs)", 0);
        }
        PlatformClient platform = "demo".equals(tenant)
                ? connection.tenants().platformAdministrator()
                : connection.tenants().administratorOf(tenant);
        out.printf("Logged in to %s as %s.%n%n", connection.gatewaySettings().url(), platform.credentials());

        out.println("1. Upload");
        CorpusLoader loader = new CorpusLoader(platform, 3);
        Map<SourceDocument, PlatformClient.Upload> uploads = loader.upload(documents);
        uploads.forEach((document, upload) -> out.printf(
                "   %-48s %s%s%n",
                shorten(document.filename(), 48),
                upload.documentId(),
                upload.duplicate() ? "  (same bytes were uploaded before: reusing that document)" : ""));
        out.flush();

        out.println();
        out.println("2. Processing (parse, chunk, embed)");
        List<LoadedDocument> loaded = followProgress(platform, uploads, out);
        List<LoadedDocument> ready =
                loaded.stream().filter(LoadedDocument::ready).toList();
        if (ready.isEmpty()) {
            out.println("   No document became READY; see the ingestion-service log (var/log/ingestion-service.log).");
            return 1;
        }
        List<LoadedDocument> notSearchable = loader.awaitSearchable(ready, Duration.ofMinutes(2));
        if (!notSearchable.isEmpty()) {
            out.printf("   %d documents are not searchable yet; the answer may miss them.%n", notSearchable.size());
        }

        out.println();
        out.println("3. Question: " + question);
        answer(platform, ready, out);

        out.println();
        out.println("4. Analysis");
        for (LoadedDocument document : ready) {
            analysis(platform, document, out);
        }
        out.flush();
        return 0;
    }

    private List<SourceDocument> chooseDocuments(PrintWriter out) {
        if (docs != null) {
            return DemoDocuments.fromFolder(docs);
        }
        Path cuad = evalData.resolve("cuad").resolve("dev");
        if (Files.isRegularFile(cuad.resolve("manifest.jsonl"))) {
            out.printf("Using %d CUAD contracts from %s.%n", count, cuad);
            return DemoDocuments.fromCuad(cuad, count);
        }
        out.printf("Using the sample documents in %s.%n", sampleDocs);
        return DemoDocuments.fromFolder(sampleDocs);
    }

    /** One line per status change of each document, until every one is READY or FAILED (bounded). */
    private List<LoadedDocument> followProgress(
            PlatformClient platform, Map<SourceDocument, PlatformClient.Upload> uploads, PrintWriter out) {
        Map<String, String> last = new LinkedHashMap<>();
        Map<String, JsonNode> latest = new LinkedHashMap<>();
        long started = System.nanoTime();
        long deadline = started + readyTimeout.toNanos();
        boolean open = true;
        while (open && System.nanoTime() < deadline) {
            open = false;
            for (Map.Entry<SourceDocument, PlatformClient.Upload> entry : uploads.entrySet()) {
                String id = entry.getValue().documentId();
                String known = last.getOrDefault(id, "");
                if (known.equals("READY") || known.equals("FAILED")) {
                    continue;
                }
                Optional<JsonNode> fetched = platform.documentIfKnown(id);
                if (fetched.isEmpty()) {
                    open = true;
                    continue;
                }
                JsonNode document = fetched.get();
                latest.put(id, document);
                String status = document.path("status").asString("UNKNOWN");
                if (!status.equals(known)) {
                    last.put(id, status);
                    out.printf(
                            "   %6.1fs  %-48s %s%s%n",
                            (System.nanoTime() - started) / 1e9,
                            shorten(entry.getKey().filename(), 48),
                            status,
                            detail(document));
                    out.flush();
                }
                if (!status.equals("READY") && !status.equals("FAILED")) {
                    open = true;
                }
            }
            if (open) {
                sleep(POLL);
            }
        }
        List<LoadedDocument> loaded = new ArrayList<>();
        uploads.forEach((source, upload) -> loaded.add(new LoadedDocument(
                source,
                upload.documentId(),
                last.getOrDefault(upload.documentId(), "UNKNOWN"),
                upload.duplicate(),
                Optional.ofNullable(latest.get(upload.documentId()))
                        .map(d -> d.path("chunkCount").asInt(0))
                        .orElse(0),
                OffsetMap.of(source.text(), List.of()))));
        return loaded;
    }

    private static String detail(JsonNode document) {
        return switch (document.path("status").asString("")) {
            case "READY" -> " (" + document.path("chunkCount").asInt(0) + " chunks)";
            case "FAILED" ->
                " (" + document.path("error").path("code").asString("no code") + ": "
                        + document.path("error").path("detail").asString("") + ")";
            default -> "";
        };
    }

    private void answer(PlatformClient platform, List<LoadedDocument> ready, PrintWriter out) {
        ObjectNode body = platform.json().createObjectNode();
        body.put("question", question);
        var ids = body.putArray("documentIds");
        ready.forEach(d -> ids.add(d.documentId()));
        PlatformClient.Timed timed;
        try {
            timed = platform.query(body);
        } catch (PlatformException e) {
            out.println("   The question could not be answered: " + e.getMessage());
            return;
        }
        JsonNode answer = timed.body();
        out.printf("   Answer (%.1f s):%n", timed.elapsed().toMillis() / 1000.0);
        wrap(answer.path("answer").asString("(no answer)"), 100).forEach(line -> out.println("     " + line));
        Map<String, LoadedDocument> byId = new LinkedHashMap<>();
        ready.forEach(d -> byId.put(d.documentId(), d));
        int n = 0;
        for (JsonNode citation : answer.path("citations")) {
            n++;
            LoadedDocument document = byId.get(citation.path("documentId").asString(""));
            String name = document == null
                    ? citation.path("documentId").asString("?")
                    : document.source().title();
            String page = citation.path("page").isNumber()
                    ? ", page " + citation.path("page").asInt()
                    : "";
            out.printf("   [%d] %s%s%n", n, name, page);
            out.println(
                    "       \"" + shorten(citation.path("quote").asString("").replaceAll("\\s+", " "), 220) + "\"");
        }
        if (n == 0) {
            out.println("   (no citations)");
        }
    }

    private void analysis(PlatformClient platform, LoadedDocument document, PrintWriter out) {
        long deadline = System.nanoTime() + analysisWait.toNanos();
        Optional<JsonNode> analysis = Optional.empty();
        String status = "unknown";
        while (System.nanoTime() < deadline) {
            analysis = platform.analysis(document.documentId());
            status = analysis.map(a -> a.path("status").asString("PENDING")).orElse("not started");
            if (status.equals("COMPLETED") || status.equals("FAILED")) {
                break;
            }
            sleep(Duration.ofSeconds(2));
        }
        out.println("   " + document.source().title());
        if (analysis.isEmpty() || !status.equals("COMPLETED")) {
            out.printf(
                    "     analysis %s after %ds; look later: GET /api/v1/documents/%s/analysis%n",
                    status.toLowerCase(Locale.ROOT), analysisWait.toSeconds(), document.documentId());
            return;
        }
        JsonNode a = analysis.get();
        out.printf(
                "     kind %s, risk score %s%n",
                a.path("kind").asString("?"),
                a.path("riskScore").isMissingNode() ? "?" : a.path("riskScore").toString());
        int shown = 0;
        for (JsonNode finding : a.path("findings")) {
            if (shown++ == 3) {
                out.printf("     ... %d more findings%n", a.path("findings").size() - 3);
                break;
            }
            out.printf(
                    "     %-8s %s%n",
                    finding.path("severity").asString(""),
                    finding.path("title").asString(finding.path("code").asString("")));
        }
        Map<String, Integer> clauses = new TreeMap<>();
        a.path("clauses").forEach(c -> clauses.merge(c.path("category").asString("?"), 1, Integer::sum));
        out.println("     clauses found: "
                + (clauses.isEmpty()
                        ? "none"
                        : String.join(
                                ", ",
                                clauses.entrySet().stream()
                                        .map(e -> e.getValue() > 1 ? e.getKey() + " x" + e.getValue() : e.getKey())
                                        .toList())));
    }

    static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        for (String paragraph : text.split("\n")) {
            StringBuilder line = new StringBuilder();
            for (String word : paragraph.split("\\s+")) {
                if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                if (line.length() > 0) {
                    line.append(' ');
                }
                line.append(word);
            }
            lines.add(line.toString());
        }
        return lines;
    }

    static String shorten(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PlatformException("interrupted", e);
        }
    }
}
