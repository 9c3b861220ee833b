package io.docmatrix.query.retrieval;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * The {@link Retriever}: embeds the question outside any transaction (the model takes milliseconds a database
 * connection should not wait for), then asks {@link ChunkSearch} for both rankings of the tenant and fuses them.
 */
@Service
class HybridRetriever implements Retriever {

    private final QuestionEmbedder embedder;
    private final ChunkSearch search;
    private final RetrievalProperties properties;
    private final ObjectProvider<MeterRegistry> meters;

    HybridRetriever(
            QuestionEmbedder embedder,
            ChunkSearch search,
            RetrievalProperties properties,
            ObjectProvider<MeterRegistry> meters) {
        this.embedder = embedder;
        this.search = search;
        this.properties = properties;
        this.meters = meters;
    }

    @Override
    public List<RetrievedChunk> retrieve(UUID tenantId, SearchRequest request) {
        long started = System.nanoTime();
        int topK = Math.max(1, Math.min(request.topK(), properties.maxTopK()));
        RetrievalMode mode = request.mode();
        float[] vector = mode == RetrievalMode.TEXT ? null : embedder.embed(request.question());
        String text = mode == RetrievalMode.VECTOR ? null : request.question();
        // The fusion needs more than topK from each side: a chunk ranked 20th by both beats one ranked 5th by one.
        int limit = mode == RetrievalMode.HYBRID ? Math.max(topK, properties.candidates()) : topK;
        ChunkSearch.Candidates found = search.find(
                tenantId,
                new ChunkSearch.CandidateQuery(
                        vector, embedder.modelId(), text, request.documentIds(), request.filters(), limit));
        List<RetrievedChunk> results =
                switch (mode) {
                    case VECTOR -> found.byVector();
                    case TEXT -> found.byText();
                    case HYBRID ->
                        ReciprocalRankFusion.fuse(
                                found.byVector(),
                                properties.vectorWeight(),
                                found.byText(),
                                properties.textWeight(),
                                properties.rrfK(),
                                topK);
                };
        MeterRegistry registry = meters.getIfAvailable();
        if (registry != null) {
            Timer.builder("docmatrix.query.search")
                    .description("Time to retrieve chunks for a question, embedding included")
                    .publishPercentileHistogram()
                    .tag("mode", mode.name().toLowerCase(java.util.Locale.ROOT))
                    .register(registry)
                    .record(System.nanoTime() - started, java.util.concurrent.TimeUnit.NANOSECONDS);
        }
        return results.size() <= topK ? results : results.subList(0, topK);
    }
}
