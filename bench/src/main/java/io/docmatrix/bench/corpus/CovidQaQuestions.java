package io.docmatrix.bench.corpus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * COVID-QA dev questions ({@code questions.jsonl}) about the papers in a corpus, labelled with their paper's file
 * name: the small labelled set for retrieval quality. Read at run time from the evaluation folder, never copied.
 */
public final class CovidQaQuestions {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private CovidQaQuestions() {}

    /** At most {@code max} questions whose paper is one of {@code documentNames}; empty when the file is absent. */
    public static List<LabelledQuestion> about(Path questionsJsonl, Set<String> documentNames, int max) {
        if (!Files.isRegularFile(questionsJsonl)) {
            return List.of();
        }
        List<LabelledQuestion> questions = new ArrayList<>();
        try (var lines = Files.lines(questionsJsonl)) {
            for (String line : (Iterable<String>) lines::iterator) {
                if (questions.size() >= max) {
                    break;
                }
                JsonNode q = JSON.readTree(line);
                String name = q.path("doc_id").asString() + ".txt";
                if (documentNames.contains(name) && !q.path("is_impossible").asBoolean(false)) {
                    questions.add(new LabelledQuestion(q.path("question").asString(), name));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return questions;
    }
}
