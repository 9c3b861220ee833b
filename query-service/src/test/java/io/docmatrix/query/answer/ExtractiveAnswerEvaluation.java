package io.docmatrix.query.answer;

import static org.assertj.core.api.Assumptions.assumeThat;

import io.docmatrix.embedding.InProcessModel;
import io.docmatrix.embedding.OnnxEmbeddingModel;
import io.docmatrix.query.retrieval.RetrievedChunk;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A by-hand measurement of the extractive composer on a SQuAD-style folder (default
 * /work/shared/eval-data/xquad-en/dev; {@code -Danswers.eval=<folder>}): every paragraph is cut into chunks of about
 * three sentences, the question's top 8 chunks of the whole corpus come from a BM25 stand-in for the read store, and
 * the answers are scored by containment of a gold answer, SQuAD token F1 and length. Not part of the build (no
 * {@code Test} suffix); run with {@code -Dtest=ExtractiveAnswerEvaluation}. Skips when the data is absent.
 */
class ExtractiveAnswerEvaluation {

    private static final Logger log = LoggerFactory.getLogger(ExtractiveAnswerEvaluation.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    record Doc(String id, String text, UUID uuid) {}

    record Question(String question, String docId, List<String> answers) {}

    @Test
    void measure() throws IOException {
        Path folder = Path.of(System.getProperty("answers.eval", "/work/shared/eval-data/xquad-en/dev"));
        assumeThat(Files.exists(folder.resolve("corpus.jsonl")))
                .as("evaluation data present")
                .isTrue();
        List<Doc> docs = new ArrayList<>();
        for (String line : Files.readAllLines(folder.resolve("corpus.jsonl"))) {
            JsonNode n = JSON.readTree(line);
            docs.add(new Doc(n.get("doc_id").asString(), n.get("text").asString(), UUID.randomUUID()));
        }
        List<Question> questions = new ArrayList<>();
        for (String line : Files.readAllLines(folder.resolve("questions.jsonl"))) {
            JsonNode n = JSON.readTree(line);
            List<String> answers = new ArrayList<>();
            n.get("answers").forEach(a -> answers.add(a.get("text").asString()));
            questions.add(
                    new Question(n.get("question").asString(), n.get("doc_id").asString(), answers));
        }
        List<RetrievedChunk> chunks = new ArrayList<>();
        for (Doc doc : docs) {
            List<SentenceSplitter.Span> spans = SentenceSplitter.split(doc.text());
            for (int i = 0; i < spans.size(); i += 3) {
                int start = spans.get(i).start();
                int end = spans.get(Math.min(spans.size() - 1, i + 2)).end();
                chunks.add(new RetrievedChunk(
                        doc.uuid(),
                        1,
                        UUID.randomUUID(),
                        doc.text().substring(start, end),
                        1,
                        1,
                        start,
                        end,
                        List.of(),
                        doc.id(),
                        0));
            }
        }
        int limit = Integer.getInteger("answers.eval.limit", questions.size());
        List<Question> sample = questions.subList(0, Math.min(limit, questions.size()));
        report("lexical only", new ExtractiveComposer(null, settings()), sample, chunks);
        if (!Boolean.getBoolean("answers.eval.lexicalOnly")) {
            try (OnnxEmbeddingModel model = new OnnxEmbeddingModel(InProcessModel.BGE_SMALL_EN_V15_Q, 2)) {
                report("with embeddings", new ExtractiveComposer(model, settings()), sample, chunks);
            }
        }
    }

    private static ExtractiveComposer.Settings settings() {
        return new ExtractiveComposer.Settings(
                Integer.getInteger("answers.eval.sentences", 3),
                5,
                12,
                0.3,
                0.45,
                Double.parseDouble(System.getProperty("answers.eval.semantic", "0.25")),
                Double.parseDouble(System.getProperty("answers.eval.follow", "0.85")),
                400);
    }

    private static void report(
            String name, ExtractiveComposer composer, List<Question> questions, List<RetrievedChunk> chunks) {
        double contained = 0;
        double f1 = 0;
        double chars = 0;
        double sentences = 0;
        double retrievedGold = 0;
        long started = System.nanoTime();
        for (Question q : questions) {
            List<RetrievedChunk> top = bm25(q.question(), chunks, 8);
            Grounded answer = composer.compose(q.question(), top);
            String text = answer.text();
            String normal = normalise(text);
            if (q.answers().stream().anyMatch(a -> normal.contains(normalise(a)))) {
                contained++;
            }
            if (top.stream()
                    .anyMatch(c -> c.title().equals(q.docId())
                            && q.answers().stream().anyMatch(a -> c.text().contains(a)))) {
                retrievedGold++;
            }
            f1 += q.answers().stream().mapToDouble(a -> f1(text, a)).max().orElse(0);
            chars += text.length();
            sentences += answer.sentences().size();
        }
        int n = questions.size();
        log.info(
                "{}: n={} containment={} f1={} chars={} sentences={} (gold answer in the top 8 chunks: {}) {} ms/question",
                name,
                n,
                String.format(Locale.ROOT, "%.3f", contained / n),
                String.format(Locale.ROOT, "%.3f", f1 / n),
                String.format(Locale.ROOT, "%.0f", chars / n),
                String.format(Locale.ROOT, "%.2f", sentences / n),
                String.format(Locale.ROOT, "%.3f", retrievedGold / n),
                (System.nanoTime() - started) / 1_000_000 / n);
    }

    /** A lexical stand-in for the read store's retriever: BM25 over chunks. */
    private static List<RetrievedChunk> bm25(String question, List<RetrievedChunk> chunks, int k) {
        Map<String, Integer> df = new HashMap<>();
        List<List<String>> terms = new ArrayList<>();
        double total = 0;
        for (RetrievedChunk c : chunks) {
            List<String> t = Terms.of(c.text());
            terms.add(t);
            total += t.size();
            for (String term : new HashSet<>(t)) {
                df.merge(term, 1, Integer::sum);
            }
        }
        double avg = total / chunks.size();
        Set<String> query = new HashSet<>(Terms.of(question));
        List<RetrievedChunk> scored = new ArrayList<>();
        for (int i = 0; i < chunks.size(); i++) {
            Map<String, Integer> tf = new HashMap<>();
            terms.get(i).forEach(t -> tf.merge(t, 1, Integer::sum));
            double score = 0;
            for (String q : query) {
                Integer f = tf.get(q);
                if (f != null) {
                    double idf = Math.log(1 + (chunks.size() - df.get(q) + 0.5) / (df.get(q) + 0.5));
                    score += idf
                            * f
                            * 2.2
                            / (f + 1.2 * (0.25 + 0.75 * terms.get(i).size() / avg));
                }
            }
            RetrievedChunk c = chunks.get(i);
            scored.add(new RetrievedChunk(
                    c.documentId(), 1, c.chunkId(), c.text(), 1, 1, c.start(), c.end(), List.of(), c.title(), score));
        }
        scored.sort(Comparator.comparingDouble(RetrievedChunk::score).reversed());
        return scored.subList(0, k);
    }

    /** SQuAD normalisation: lower case, no punctuation, no articles, single spaces. */
    static String normalise(String text) {
        String s = text.toLowerCase(Locale.ROOT).replaceAll("[\\p{Punct}“”‘’]", " ");
        s = s.replaceAll("\\b(a|an|the)\\b", " ");
        return s.replaceAll("\\s+", " ").strip();
    }

    static double f1(String prediction, String gold) {
        List<String> p = List.of(normalise(prediction).split(" "));
        List<String> g = List.of(normalise(gold).split(" "));
        Map<String, Integer> counts = new HashMap<>();
        g.forEach(t -> counts.merge(t, 1, Integer::sum));
        int common = 0;
        for (String t : p) {
            Integer c = counts.get(t);
            if (c != null && c > 0) {
                common++;
                counts.put(t, c - 1);
            }
        }
        if (common == 0) {
            return 0;
        }
        double precision = (double) common / p.size();
        double recall = (double) common / g.size();
        return 2 * precision * recall / (precision + recall);
    }
}
