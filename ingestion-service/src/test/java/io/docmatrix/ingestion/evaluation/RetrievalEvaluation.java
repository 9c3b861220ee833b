package io.docmatrix.ingestion.evaluation;

import io.docmatrix.embedding.InProcessModel;
import io.docmatrix.embedding.OnnxEmbeddingModel;
import io.docmatrix.ingestion.chunking.Chunk;
import io.docmatrix.ingestion.chunking.Chunker;
import io.docmatrix.ingestion.parsing.ParseOutcome.Block;
import io.docmatrix.ingestion.parsing.ParseOutcome.Page;
import io.docmatrix.ingestion.parsing.ParseOutcome.Parsed;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Measures retrieval quality and embedding throughput of the in-process models on the XQuAD and COVID-QA dev sets:
 * documents are chunked by {@link Chunker} in each model's tokens, questions are ranked against every chunk of the
 * dataset, and a hit is a chunk of the right document overlapping a gold answer span.
 *
 * <p>Usage: {@code RetrievalEvaluation <eval-data-dir> [model@targetTokens[/overlap][+query] ...]}; {@code +query} prefixes
 * questions with bge's retrieval instruction.
 */
public final class RetrievalEvaluation {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern BLANK_LINES = Pattern.compile("\\n\\s*\\n");
    private static final String BGE_QUERY = "Represent this sentence for searching relevant passages: ";

    record Doc(String id, String text) {}

    record Question(String text, String docId, List<int[]> spans) {}

    record Located(String docId, Chunk chunk) {}

    public static void main(String[] args) throws IOException {
        Path data = Path.of(args.length > 0 ? args[0] : "../shared/eval-data");
        List<String> configs = args.length > 1
                ? List.of(args).subList(1, args.length)
                : List.of("all-minilm-l6-v2-q@120/20", "bge-small-en-v1.5-q@120/20", "bge-small-en-v1.5-q@256/32");
        System.out.println("| model | chunk target/overlap | dataset | chunks | recall@1 | recall@5 | recall@10 | MRR"
                + " | chunks/s | tokens/s | mean tokens/chunk |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|");
        for (String config : configs) {
            Matcher m = Pattern.compile("([^@]+)@(\\d+)(?:/(\\d+))?(\\+query)?").matcher(config);
            if (!m.matches()) {
                throw new IllegalArgumentException(config);
            }
            InProcessModel model = InProcessModel.byId(m.group(1));
            int target = Integer.parseInt(m.group(2));
            int overlap = m.group(3) == null ? 20 : Integer.parseInt(m.group(3));
            boolean queryPrefix = m.group(4) != null;
            try (OnnxEmbeddingModel embedder = new OnnxEmbeddingModel(model, 2)) {
                embedder.embed(List.of("warm up the session"));
                for (String dataset : List.of("xquad-en", "covid-qa")) {
                    evaluate(data.resolve(dataset).resolve("dev"), dataset, embedder, target, overlap, queryPrefix);
                }
            }
        }
    }

    private static void evaluate(
            Path dir, String dataset, OnnxEmbeddingModel embedder, int target, int overlap, boolean queryPrefix)
            throws IOException {
        List<Doc> docs = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("corpus.jsonl"))) {
            JsonNode n = JSON.readTree(line);
            docs.add(new Doc(n.get("doc_id").asString(), n.get("text").asString()));
        }
        List<Question> questions = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("questions.jsonl"))) {
            JsonNode n = JSON.readTree(line);
            List<int[]> spans = new ArrayList<>();
            for (JsonNode a : n.get("answers")) {
                int start = a.get("answer_start").asInt();
                spans.add(new int[] {start, start + a.get("text").asString().length()});
            }
            if (!spans.isEmpty()) {
                questions.add(new Question(
                        n.get("question").asString(), n.get("doc_id").asString(), spans));
            }
        }
        Chunker chunker = new Chunker(embedder, target, overlap);
        List<Located> chunks = new ArrayList<>();
        for (Doc doc : docs) {
            for (Chunk chunk : chunker.chunk(asParsed(doc.text()))) {
                chunks.add(new Located(doc.id(), chunk));
            }
        }
        long tokens = chunks.stream().mapToLong(c -> c.chunk().tokenCount()).sum();
        long started = System.nanoTime();
        List<float[]> vectors = embedder.embed(
                chunks.stream().map(c -> c.chunk().embeddingText()).toList());
        double seconds = (System.nanoTime() - started) / 1e9;
        List<float[]> queries = embedder.embed(questions.stream()
                .map(q -> (queryPrefix ? BGE_QUERY : "") + q.text().strip())
                .toList());
        int[] hitsAt = new int[11];
        double reciprocal = 0;
        for (int q = 0; q < questions.size(); q++) {
            Question question = questions.get(q);
            double[] scores = new double[chunks.size()];
            for (int c = 0; c < chunks.size(); c++) {
                scores[c] = dot(queries.get(q), vectors.get(c));
            }
            int bestRelevant = -1;
            for (int c = 0; c < chunks.size(); c++) {
                if (relevant(chunks.get(c), question) && (bestRelevant < 0 || scores[c] > scores[bestRelevant])) {
                    bestRelevant = c;
                }
            }
            if (bestRelevant < 0) {
                continue;
            }
            int rank = 1;
            for (int c = 0; c < chunks.size(); c++) {
                if (scores[c] > scores[bestRelevant]) {
                    rank++;
                }
            }
            reciprocal += 1.0 / rank;
            for (int k = rank; k <= 10; k++) {
                hitsAt[k]++;
            }
        }
        double n = questions.size();
        System.out.printf(
                Locale.ROOT,
                "| %s%s | %d/%d | %s | %d | %.3f | %.3f | %.3f | %.3f | %.1f | %.0f | %.1f |%n",
                embedder.modelId(),
                queryPrefix ? " (+query instruction)" : "",
                target,
                overlap,
                dataset + " (" + questions.size() + " q)",
                chunks.size(),
                hitsAt[1] / n,
                hitsAt[5] / n,
                hitsAt[10] / n,
                reciprocal / n,
                chunks.size() / seconds,
                tokens / seconds,
                tokens / (double) chunks.size());
    }

    private static boolean relevant(Located located, Question question) {
        if (!located.docId().equals(question.docId())) {
            return false;
        }
        Chunk chunk = located.chunk();
        return question.spans().stream().anyMatch(s -> s[0] < chunk.end() && s[1] > chunk.start());
    }

    /** A plain-text document with its paragraphs as blocks, offsets unchanged so gold spans stay valid. */
    static Parsed asParsed(String text) {
        List<Block> blocks = new ArrayList<>();
        Matcher separators = BLANK_LINES.matcher(text);
        int from = 0;
        while (separators.find()) {
            addBlock(text, from, separators.start(), blocks);
            from = separators.end();
        }
        addBlock(text, from, text.length(), blocks);
        return new Parsed("text/plain", text, List.of(new Page(1, 0, text.length())), blocks, List.of(), List.of());
    }

    private static void addBlock(String text, int start, int end, List<Block> blocks) {
        if (!text.substring(start, end).isBlank()) {
            blocks.add(new Block(Block.Kind.PARAGRAPH, start, end));
        }
    }

    private static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }
}
