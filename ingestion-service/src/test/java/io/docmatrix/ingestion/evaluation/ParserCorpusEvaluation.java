package io.docmatrix.ingestion.evaluation;

import io.docmatrix.ingestion.parsing.IsolatedDocumentParser;
import io.docmatrix.ingestion.parsing.ParseLimits;
import io.docmatrix.ingestion.parsing.ParseOutcome;
import io.docmatrix.ingestion.parsing.ParseOutcome.Failed;
import io.docmatrix.ingestion.parsing.ParseOutcome.Parsed;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.sax.BodyContentHandler;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs every file of {@code parser-corpus} through {@link IsolatedDocumentParser} and compares with the corpus' Tika
 * 3.3.1 baseline: outcome per file, counts by code, and token F1 against the gold texts, ours beside plain Tika
 * ({@code AutoDetectParser} + {@code BodyContentHandler}, the baseline's setup) on the same files.
 *
 * <p>Usage: {@code ParserCorpusEvaluation <eval-data-dir>}.
 */
public final class ParserCorpusEvaluation {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}]+");

    record FileResult(
            String id,
            String format,
            String category,
            ParseOutcome outcome,
            long millis,
            String baselineStatus,
            int baselineChars,
            Double f1,
            Double baselineF1) {

        String code() {
            return outcome instanceof Failed failed ? failed.code().name() : "PARSED";
        }
    }

    record Report(List<FileResult> files, Duration timeout) {

        Map<String, Integer> countsByCode() {
            Map<String, Integer> counts = new TreeMap<>();
            files.forEach(f -> counts.merge(f.code(), 1, Integer::sum));
            return counts;
        }

        String markdown() {
            StringBuilder out = new StringBuilder();
            out.append("| outcome | files |\n|---|---|\n");
            countsByCode().forEach((code, n) -> out.append("| ")
                    .append(code)
                    .append(" | ")
                    .append(n)
                    .append(" |\n"));
            long baselineOk =
                    files.stream().filter(f -> f.baselineStatus().equals("ok")).count();
            long baselineEmpty = files.stream()
                    .filter(f -> f.baselineStatus().equals("ok") && f.baselineChars() == 0)
                    .count();
            out.append(String.format(
                    Locale.ROOT,
                    "%nBaseline (Tika 3.3.1 as recorded in the corpus): %d ok (of which %d with empty text), %d error.%n",
                    baselineOk,
                    baselineEmpty,
                    files.size() - baselineOk));
            List<FileResult> gold = files.stream().filter(f -> f.f1() != null).toList();
            out.append(String.format(
                    Locale.ROOT,
                    "Token F1 against gold texts (%d files): ours %.3f, plain Tika %.3f (mean).%n",
                    gold.size(),
                    gold.stream().mapToDouble(FileResult::f1).average().orElse(0),
                    gold.stream()
                            .mapToDouble(f -> f.baselineF1() == null ? 0 : f.baselineF1())
                            .average()
                            .orElse(0)));
            out.append(String.format(
                    Locale.ROOT,
                    "Slowest file: %d ms; limit %s.%n",
                    files.stream().mapToLong(FileResult::millis).max().orElse(0),
                    timeout));
            out.append(
                    "\n| file | category | ours | ms | baseline | F1 ours | F1 Tika |\n|---|---|---|---|---|---|---|\n");
            for (FileResult f : files) {
                out.append(String.format(
                        Locale.ROOT,
                        "| %s | %s | %s | %d | %s (%d chars) | %s | %s |%n",
                        f.id(),
                        f.category(),
                        f.code(),
                        f.millis(),
                        f.baselineStatus(),
                        f.baselineChars(),
                        f.f1() == null ? "" : String.format(Locale.ROOT, "%.3f", f.f1()),
                        f.baselineF1() == null ? "" : String.format(Locale.ROOT, "%.3f", f.baselineF1())));
            }
            return out.toString();
        }
    }

    static Report run(Path evalData, Duration timeout) throws IOException {
        Path corpus = evalData.resolve("parser-corpus");
        Map<String, JsonNode> baseline = new HashMap<>();
        for (String line : Files.readAllLines(corpus.resolve("baseline_tika-3.3.1.jsonl"))) {
            JsonNode n = JSON.readTree(line);
            baseline.put(n.get("id").asString(), n);
        }
        List<FileResult> results = new ArrayList<>();
        try (IsolatedDocumentParser parser =
                new IsolatedDocumentParser(ParseLimits.defaults().withTimeout(timeout))) {
            for (String line : Files.readAllLines(corpus.resolve("manifest.jsonl"))) {
                JsonNode entry = JSON.readTree(line);
                String id = entry.get("id").asString();
                Path file = corpus.resolve(entry.get("path").asString());
                byte[] content = Files.readAllBytes(file);
                long started = System.nanoTime();
                ParseOutcome outcome = parser.parse(file.getFileName().toString(), content);
                long millis = (System.nanoTime() - started) / 1_000_000;
                JsonNode base = baseline.get(id);
                Double f1 = null;
                Double baselineF1 = null;
                JsonNode goldPath = entry.get("gold_text");
                if (goldPath != null && !goldPath.isNull()) {
                    String gold = Files.readString(corpus.resolve(goldPath.asString()));
                    f1 = outcome instanceof Parsed parsed ? tokenF1(parsed.text(), gold) : 0.0;
                    baselineF1 = tokenF1(plainTika(content), gold);
                }
                results.add(new FileResult(
                        id,
                        entry.get("format").asString(),
                        entry.get("category").asString(),
                        outcome,
                        millis,
                        base == null ? "missing" : base.get("status").asString(),
                        base == null ? 0 : base.get("text_chars").asInt(),
                        f1,
                        baselineF1));
            }
        }
        return new Report(results, timeout);
    }

    /** The baseline's setup, in-process; only used on the gold files, which are well-formed. */
    private static String plainTika(byte[] content) {
        ExecutorService single = Executors.newSingleThreadExecutor();
        try {
            Future<String> text = single.submit(() -> {
                BodyContentHandler handler = new BodyContentHandler(-1);
                try (InputStream in = new java.io.ByteArrayInputStream(content)) {
                    new AutoDetectParser().parse(in, handler, new Metadata());
                }
                return handler.toString();
            });
            return text.get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            return "";
        } finally {
            single.shutdownNow();
        }
    }

    static double tokenF1(String predicted, String gold) {
        Map<String, Integer> p = tokens(predicted);
        Map<String, Integer> g = tokens(gold);
        int pTotal = p.values().stream().mapToInt(Integer::intValue).sum();
        int gTotal = g.values().stream().mapToInt(Integer::intValue).sum();
        if (pTotal == 0 || gTotal == 0) {
            return pTotal == gTotal ? 1.0 : 0.0;
        }
        int common = 0;
        for (Map.Entry<String, Integer> e : p.entrySet()) {
            common += Math.min(e.getValue(), g.getOrDefault(e.getKey(), 0));
        }
        if (common == 0) {
            return 0.0;
        }
        double precision = common / (double) pTotal;
        double recall = common / (double) gTotal;
        return 2 * precision * recall / (precision + recall);
    }

    private static Map<String, Integer> tokens(String text) {
        Map<String, Integer> counts = new HashMap<>();
        Matcher m = TOKEN.matcher(text.toLowerCase(Locale.ROOT));
        while (m.find()) {
            counts.merge(m.group(), 1, Integer::sum);
        }
        return counts;
    }

    public static void main(String[] args) throws IOException {
        Path data = args.length > 0 ? Path.of(args[0]) : EvalData.locate().orElseThrow();
        Duration timeout = Duration.ofSeconds(args.length > 1 ? Long.parseLong(args[1]) : 30);
        System.out.println(run(data, timeout).markdown());
    }
}
