package io.docmatrix.eval.qa;

import io.docmatrix.eval.corpus.LoadedDocument;
import io.docmatrix.eval.platform.PlatformClient;
import io.docmatrix.eval.platform.PlatformException;
import io.docmatrix.eval.scoring.AnswerText;
import io.docmatrix.eval.scoring.Latencies;
import io.docmatrix.eval.scoring.RankedRetrieval;
import io.docmatrix.eval.scoring.Span;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Asks every question of a loaded data set: one search per retrieval mode and, unless switched off, one answer. */
final class QaEvaluation {

    static final int[] CUTOFFS = {1, 5, 10};
    static final int MAX_DOCUMENT_IDS = 100;
    private static final Logger log = LoggerFactory.getLogger(QaEvaluation.class);

    private final PlatformClient platform;
    private final Map<String, LoadedDocument> byDocumentId = new LinkedHashMap<>();
    private final Map<String, LoadedDocument> byKey = new LinkedHashMap<>();
    private final Settings settings;

    record Settings(
            List<String> modes,
            int topK,
            boolean answers,
            @Nullable String answerMode,
            @Nullable Integer answerTopK,
            boolean scopeToDataset,
            int concurrency) {}

    QaEvaluation(PlatformClient platform, List<LoadedDocument> documents, Settings settings) {
        this.platform = platform;
        this.settings = settings;
        documents.forEach(d -> {
            byDocumentId.put(d.documentId(), d);
            byKey.put(d.source().key(), d);
        });
    }

    Outcome run(List<QaDataset.Question> questions) {
        List<QuestionResult> results = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, settings.concurrency()));
        Map<String, Latencies> searchLatency = new LinkedHashMap<>();
        settings.modes().forEach(m -> searchLatency.put(m, new Latencies()));
        Latencies queryLatency = new Latencies();
        try {
            List<Future<QuestionResult>> futures = new ArrayList<>();
            for (QaDataset.Question question : questions) {
                futures.add(pool.submit(() -> ask(question, searchLatency, queryLatency)));
            }
            for (int i = 0; i < futures.size(); i++) {
                results.add(futures.get(i).get());
                if ((i + 1) % 25 == 0 || i + 1 == futures.size()) {
                    log.info("asked {} of {} questions", i + 1, futures.size());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PlatformException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a question could not be scored", e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return new Outcome(results, searchLatency, queryLatency);
    }

    private QuestionResult ask(
            QaDataset.Question question, Map<String, Latencies> searchLatency, Latencies queryLatency) {
        List<Span> gold = question.answers().stream()
                .map(a -> new Span(question.documentKey(), a.start(), a.end()))
                .toList();
        Map<String, Integer> ranks = new LinkedHashMap<>();
        List<String> errors = new ArrayList<>();
        for (String mode : settings.modes()) {
            try {
                PlatformClient.Timed timed = platform.search(body(question.question(), mode, settings.topK()));
                searchLatency.get(mode).record(timed.elapsed());
                ranks.put(
                        mode,
                        RankedRetrieval.firstHitRank(resultSpans(timed.body().path("results")), gold));
            } catch (PlatformException e) {
                // A failed call is a miss, and is counted and shown, never silently dropped.
                ranks.put(mode, 0);
                errors.add("search " + mode + ": " + e.getMessage());
            }
        }
        AnswerResult answer = null;
        if (settings.answers()) {
            try {
                PlatformClient.Timed timed =
                        platform.query(body(question.question(), settings.answerMode(), settings.answerTopK()));
                queryLatency.record(timed.elapsed());
                answer = score(timed.body(), question.answerTexts());
            } catch (PlatformException e) {
                errors.add("query: " + e.getMessage());
            }
        }
        return new QuestionResult(question.id(), question.documentKey(), ranks, answer, errors);
    }

    /** A search or query body; without topK or mode the platform's defaults apply (answers are measured as served). */
    private ObjectNode body(String question, @Nullable String mode, @Nullable Integer topK) {
        ObjectNode body = platform.json().createObjectNode();
        body.put("question", question);
        if (topK != null) {
            body.put("topK", topK);
        }
        if (mode != null) {
            body.put("mode", mode);
        }
        if (settings.scopeToDataset()) {
            List<LoadedDocument> ready =
                    byDocumentId.values().stream().filter(LoadedDocument::ready).toList();
            if (ready.size() <= MAX_DOCUMENT_IDS) {
                ArrayNode ids = body.putArray("documentIds");
                ready.forEach(d -> ids.add(d.documentId()));
            } else if (!ready.isEmpty()) {
                // query-service accepts at most 100 ids per request; larger data sets are scoped by their collection.
                body.putObject("filters")
                        .put("collection", ready.get(0).source().collection());
            }
        }
        return body;
    }

    /** Results in source coordinates; a result in a document outside the data set keeps its platform id (never a hit). */
    List<Span> resultSpans(JsonNode results) {
        List<Span> spans = new ArrayList<>();
        for (JsonNode result : results) {
            String documentId = result.path("documentId").asString("");
            int start = result.path("start").asInt(0);
            int end = Math.max(start, result.path("end").asInt(start));
            LoadedDocument document = byDocumentId.get(documentId);
            if (document == null) {
                spans.add(new Span("platform:" + documentId, start, end));
                continue;
            }
            String chunkId =
                    result.path("chunkId").isString() ? result.path("chunkId").asString() : null;
            Optional<int[]> mapped = document.offsets().toSource(start, end, chunkId);
            spans.add(mapped.map(r -> new Span(document.source().key(), r[0], r[1]))
                    // Unlocatable: keep the rank position, but it cannot hit.
                    .orElseGet(() -> new Span("unlocated:" + documentId, start, end)));
        }
        return spans;
    }

    AnswerResult score(JsonNode body, List<String> golds) {
        String answer = body.path("answer").asString("");
        int citations = 0;
        int valid = 0;
        for (JsonNode citation : body.path("citations")) {
            citations++;
            if (citationValid(citation)) {
                valid++;
            }
        }
        return new AnswerResult(
                answer,
                AnswerText.containsAny(answer, golds),
                AnswerText.bestTokenF1(answer, golds),
                answer.length(),
                AnswerText.sentenceCount(answer),
                citations,
                valid);
    }

    /**
     * A citation is valid when its quote is exactly the document's text over {@code [start, end)}: the source file
     * when the platform's offsets index it, otherwise the platform's own extracted text rebuilt from the chunks.
     */
    boolean citationValid(JsonNode citation) {
        LoadedDocument document = byDocumentId.get(citation.path("documentId").asString(""));
        if (document == null
                || !citation.path("start").isNumber()
                || !citation.path("end").isNumber()) {
            return false;
        }
        int start = citation.path("start").asInt();
        int end = citation.path("end").asInt();
        String quote = citation.path("quote").asString("");
        if (document.offsets().identity()) {
            String source = document.source().text();
            return start >= 0
                    && start <= end
                    && end <= source.length()
                    && source.substring(start, end).equals(quote);
        }
        return document.offsets().extracted(start, end).map(quote::equals).orElse(false);
    }

    record Outcome(List<QuestionResult> results, Map<String, Latencies> searchLatency, Latencies queryLatency) {}

    record QuestionResult(
            String id,
            String documentKey,
            Map<String, Integer> firstHitRank,
            @Nullable AnswerResult answer,
            List<String> errors) {}

    record AnswerResult(
            String answer,
            boolean containsGold,
            double tokenF1,
            int chars,
            int sentences,
            int citations,
            int validCitations) {}
}
