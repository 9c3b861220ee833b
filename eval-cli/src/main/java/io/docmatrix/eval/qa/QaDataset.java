package io.docmatrix.eval.qa;

import io.docmatrix.eval.corpus.SourceDocument;
import io.docmatrix.eval.scoring.StableHash;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A question-answering data set folder: {@code corpus.jsonl} ({@code doc_id, title, text}) and {@code questions.jsonl}
 * ({@code id, question, doc_id, answers[{text, answer_start}]}). Offsets in the files count Unicode code points; they
 * are converted to UTF-16 indices here, and each gold span is checked against its text.
 */
record QaDataset(String name, List<SourceDocument> documents, List<Question> questions, int goldSpansRelocated) {

    static QaDataset load(Path folder, String name) {
        JsonMapper json = JsonMapper.builder().build();
        Map<String, SourceDocument> documents = new LinkedHashMap<>();
        for (JsonNode row : jsonLines(json, folder.resolve("corpus.jsonl"))) {
            String id = row.path("doc_id").asString();
            documents.put(
                    id,
                    new SourceDocument(
                            id,
                            row.path("title").asString(id),
                            fileName(id),
                            row.path("text").asString(),
                            name));
        }
        List<Question> questions = new ArrayList<>();
        int relocated = 0;
        for (JsonNode row : jsonLines(json, folder.resolve("questions.jsonl"))) {
            SourceDocument document = documents.get(row.path("doc_id").asString());
            if (document == null || row.path("is_impossible").asBoolean(false)) {
                continue;
            }
            List<GoldAnswer> answers = new ArrayList<>();
            for (JsonNode answer : row.path("answers")) {
                GoldAnswer gold = GoldAnswer.locate(
                        document.text(),
                        answer.path("text").asString(),
                        answer.path("answer_start").asInt(-1));
                if (gold != null) {
                    answers.add(gold);
                    if (gold.relocated()) {
                        relocated++;
                    }
                }
            }
            if (!answers.isEmpty()) {
                questions.add(new Question(
                        row.path("id").asString(), row.path("question").asString(), document.key(), answers));
            }
        }
        return new QaDataset(name, List.copyOf(documents.values()), questions, relocated);
    }

    /**
     * Up to {@code limit} questions chosen by a stable hash of their id and the seed: the same seed gives the same
     * sample on any machine, a different seed an independent one. {@code limit <= 0} keeps every question.
     */
    List<Question> sample(int limit, String seed) {
        if (limit <= 0 || limit >= questions.size()) {
            return questions;
        }
        return questions.stream()
                .sorted(Comparator.comparingLong(q -> StableHash.of(seed, q.id())))
                .limit(limit)
                .toList();
    }

    /** A file name for the platform: the id made safe for a path segment, with {@code .txt} so it is parsed as text. */
    static String fileName(String id) {
        return id.replaceAll("[^A-Za-z0-9._-]", "_") + ".txt";
    }

    static List<JsonNode> jsonLines(JsonMapper json, Path file) {
        try {
            List<JsonNode> rows = new ArrayList<>();
            for (String line : Files.readAllLines(file)) {
                if (!line.isBlank()) {
                    rows.add(json.readTree(line));
                }
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    record Question(String id, String question, String documentKey, List<GoldAnswer> answers) {

        List<String> answerTexts() {
            return answers.stream().map(GoldAnswer::text).toList();
        }
    }

    /** A gold answer and its UTF-16 range in the document text. */
    record GoldAnswer(String text, int start, int end, boolean relocated) {

        /**
         * The answer at its code-point offset, or (when the text there differs) at the occurrence nearest to it; null
         * when the answer text is not in the document at all.
         */
        static @org.jspecify.annotations.Nullable GoldAnswer locate(String document, String text, int codePointStart) {
            if (text.isEmpty()) {
                return null;
            }
            int cpCount = document.codePointCount(0, document.length());
            if (codePointStart >= 0 && codePointStart <= cpCount) {
                int start = document.offsetByCodePoints(0, codePointStart);
                if (document.startsWith(text, start)) {
                    return new GoldAnswer(text, start, start + text.length(), false);
                }
            }
            int best = -1;
            for (int at = document.indexOf(text); at >= 0; at = document.indexOf(text, at + 1)) {
                if (best < 0 || Math.abs(at - codePointStart) < Math.abs(best - codePointStart)) {
                    best = at;
                }
            }
            return best < 0 ? null : new GoldAnswer(text, best, best + text.length(), true);
        }
    }
}
