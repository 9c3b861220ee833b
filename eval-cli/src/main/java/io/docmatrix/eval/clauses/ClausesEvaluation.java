package io.docmatrix.eval.clauses;

import io.docmatrix.eval.corpus.CorpusLoader;
import io.docmatrix.eval.corpus.LoadedDocument;
import io.docmatrix.eval.platform.PlatformClient;
import io.docmatrix.eval.platform.PlatformException;
import io.docmatrix.eval.scoring.PresenceScores;
import io.docmatrix.eval.scoring.Span;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/** One fold: learn exemplars (or clear them), load the evaluated contracts, wait for their analyses, score. */
final class ClausesEvaluation {

    private static final Logger log = LoggerFactory.getLogger(ClausesEvaluation.class);
    private static final Duration POLL = Duration.ofSeconds(3);

    record Settings(
            int exemplarCap,
            int exemplarMinChars,
            int exemplarMaxChars,
            int exemplarBatch,
            boolean learn,
            int uploadConcurrency,
            Duration readyTimeout,
            Duration analysisTimeout) {}

    record FoldReport(
            String evaluatedFold,
            String tenant,
            String learnedFrom,
            int exemplarsLearned,
            int contracts,
            int contractsScored,
            List<String> contractsNotAnalysed,
            CorpusLoader.LoadSummary load,
            CorpusLoader.AlignmentSummary offsets,
            long predictedClauses,
            long predictedOutsideEvaluatedCategories,
            long predictedSpansUnlocated,
            PresenceScores.Result scores) {}

    private final PlatformClient platform;
    private final Settings settings;
    private final Map<String, String> categories;

    ClausesEvaluation(PlatformClient platform, Settings settings, Map<String, String> categories) {
        this.platform = platform;
        this.settings = settings;
        this.categories = categories;
    }

    FoldReport run(
            String foldName,
            List<CuadDataset.Contract> evaluated,
            List<CuadDataset.Contract> learnFrom,
            PresenceScores combined) {
        // Learned exemplars are per tenant; clearing first makes the tenant's state exactly this run's choice.
        platform.clearExemplars();
        int learned = 0;
        if (settings.learn()) {
            List<PlatformClient.Exemplar> exemplars = ClauseScoring.exemplars(
                    learnFrom,
                    categories,
                    settings.exemplarCap(),
                    settings.exemplarMinChars(),
                    settings.exemplarMaxChars());
            for (int from = 0; from < exemplars.size(); from += settings.exemplarBatch()) {
                platform.addExemplars(
                        exemplars.subList(from, Math.min(exemplars.size(), from + settings.exemplarBatch())));
            }
            learned = exemplars.size();
            log.info("fold {}: learned {} exemplars from {} contracts", foldName, learned, learnFrom.size());
        }

        CorpusLoader loader = new CorpusLoader(platform, settings.uploadConcurrency());
        List<LoadedDocument> documents = loader.awaitReady(
                loader.upload(
                        evaluated.stream().map(CuadDataset.Contract::document).toList()),
                settings.readyTimeout());
        Map<String, JsonNode> analyses = awaitAnalyses(documents);

        PresenceScores scores = new PresenceScores();
        List<String> notAnalysed = new ArrayList<>();
        long predictedTotal = 0;
        long outside = 0;
        long unlocated = 0;
        Map<String, LoadedDocument> byKey = new LinkedHashMap<>();
        documents.forEach(d -> byKey.put(d.source().key(), d));
        for (CuadDataset.Contract contract : evaluated) {
            LoadedDocument document = byKey.get(contract.id());
            JsonNode analysis = document == null ? null : analyses.get(document.documentId());
            if (analysis == null) {
                notAnalysed.add(contract.id());
                continue;
            }
            List<ClauseScoring.Predicted> predicted = new ArrayList<>();
            for (JsonNode clause : analysis.path("clauses")) {
                predictedTotal++;
                String key = CuadDataset.key(clause.path("category").asString(""));
                if (!categories.containsKey(key)) {
                    outside++;
                    continue;
                }
                int start = clause.path("start").asInt(0);
                int end = Math.max(start, clause.path("end").asInt(start));
                String chunkId = clause.path("chunkId").isString()
                        ? clause.path("chunkId").asString()
                        : null;
                Optional<int[]> mapped = document.offsets().toSource(start, end, chunkId);
                if (mapped.isEmpty()) {
                    unlocated++;
                }
                // An unlocated span still says "present"; it just cannot overlap a gold span.
                predicted.add(new ClauseScoring.Predicted(
                        key,
                        mapped.map(r -> new Span(contract.id(), r[0], r[1]))
                                .orElseGet(() -> new Span("unlocated", start, end))));
            }
            ClauseScoring.score(contract, predicted, categories, scores);
            ClauseScoring.score(contract, predicted, categories, combined);
        }
        return new FoldReport(
                foldName,
                platform.credentials().tenant(),
                settings.learn() ? "the other fold (" + learnFrom.size() + " contracts)" : "built-in exemplars only",
                learned,
                evaluated.size(),
                evaluated.size() - notAnalysed.size(),
                notAnalysed,
                CorpusLoader.LoadSummary.of(documents, List.of(), loader.refusedUploads()),
                CorpusLoader.AlignmentSummary.of(documents),
                predictedTotal,
                outside,
                unlocated,
                scores.result());
    }

    /** Polls each READY document's analysis until COMPLETED or FAILED, within the bound; returns the completed ones. */
    private Map<String, JsonNode> awaitAnalyses(List<LoadedDocument> documents) {
        Map<String, JsonNode> completed = new LinkedHashMap<>();
        List<LoadedDocument> pending =
                new ArrayList<>(documents.stream().filter(LoadedDocument::ready).toList());
        long deadline = System.nanoTime() + settings.analysisTimeout().toNanos();
        int failed = 0;
        while (!pending.isEmpty()) {
            for (var it = pending.iterator(); it.hasNext(); ) {
                LoadedDocument document = it.next();
                Optional<JsonNode> analysis;
                try {
                    analysis = platform.analysis(document.documentId());
                } catch (PlatformException e) {
                    log.debug("analysis of {} not readable yet: {}", document.documentId(), e.getMessage());
                    continue;
                }
                String status = analysis.map(a -> a.path("status").asString("")).orElse("");
                if ("COMPLETED".equals(status)) {
                    completed.put(document.documentId(), analysis.get());
                    it.remove();
                } else if ("FAILED".equals(status)) {
                    failed++;
                    it.remove();
                }
            }
            log.info("analyses completed {}, failed {}, pending {}", completed.size(), failed, pending.size());
            if (pending.isEmpty() || System.nanoTime() > deadline) {
                break;
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new PlatformException("interrupted", e);
            }
        }
        return completed;
    }
}
