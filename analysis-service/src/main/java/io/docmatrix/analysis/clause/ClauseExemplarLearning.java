package io.docmatrix.analysis.clause;

import io.docmatrix.embedding.EmbeddingModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Learning a tenant's own exemplars from labelled clauses (e.g. a folder its lawyers annotated): texts are validated
 * as a whole batch first, so a bad item rejects the request without storing any of it, then embedded in-service with
 * the same model as the chunks and stored for that tenant only.
 */
public final class ClauseExemplarLearning {

    /** Longest exemplar text accepted, in characters; the model reads the first 512 tokens of it. */
    public static final int MAX_TEXT_CHARS = 20_000;

    public record Learned(int received, int added) {}

    public record Stats(int total, Map<String, Integer> byCategory, String modelId) {}

    private final EmbeddingModel model;
    private final ClauseExemplarRepository repository;
    private final ClauseCategories categories;
    private final int maxBatch;

    public ClauseExemplarLearning(
            EmbeddingModel model, ClauseExemplarRepository repository, ClauseCategories categories, int maxBatch) {
        this.model = model;
        this.repository = repository;
        this.categories = categories;
        this.maxBatch = maxBatch;
    }

    public Learned learn(UUID tenantId, List<ExemplarText> texts) {
        if (texts.isEmpty()) {
            throw new InvalidExemplarException("NO_EXEMPLARS", "The request has no exemplars.");
        }
        if (texts.size() > maxBatch) {
            throw new InvalidExemplarException(
                    "TOO_MANY_EXEMPLARS", "At most " + maxBatch + " exemplars per request; send several batches.");
        }
        for (int i = 0; i < texts.size(); i++) {
            ExemplarText t = texts.get(i);
            if (!categories.isKnown(t.category())) {
                throw new InvalidExemplarException(
                        "UNKNOWN_CLAUSE_CATEGORY",
                        "Exemplar " + i + " has an unknown category; use one of CUAD's 41 category names.");
            }
            if (t.text().isBlank()) {
                throw new InvalidExemplarException("EMPTY_EXEMPLAR_TEXT", "Exemplar " + i + " has no text.");
            }
            if (t.text().length() > MAX_TEXT_CHARS) {
                throw new InvalidExemplarException(
                        "EXEMPLAR_TEXT_TOO_LONG",
                        "Exemplar " + i + " is longer than " + MAX_TEXT_CHARS + " characters.");
            }
        }
        List<String> fitted = texts.stream()
                .map(t -> ExemplarTexts.fitToModel(model, t.text()))
                .toList();
        List<float[]> vectors = model.embed(fitted);
        List<NewExemplar> exemplars = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            exemplars.add(
                    new NewExemplar(texts.get(i).category(), texts.get(i).text().strip(), vectors.get(i)));
        }
        return new Learned(texts.size(), repository.add(tenantId, model.modelId(), exemplars));
    }

    public int forget(UUID tenantId) {
        return repository.clear(tenantId);
    }

    public Stats stats(UUID tenantId) {
        Map<String, Integer> counts = repository.countByCategory(tenantId);
        return new Stats(counts.values().stream().mapToInt(Integer::intValue).sum(), counts, model.modelId());
    }
}
