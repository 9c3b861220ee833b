package io.docmatrix.bench.ceiling;

import io.docmatrix.bench.report.Results.Ceiling;
import io.docmatrix.embedding.InProcessModel;
import io.docmatrix.embedding.OnnxEmbeddingModel;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The raw throughput of ingestion's embedding model: the same class, model and thread count as ingestion's defaults,
 * embedding the same texts with nothing else in the pipeline. Ingestion cannot embed faster than this on the same
 * cores, so its chunks per second divided by this is its efficiency.
 */
public final class EmbeddingCeiling {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddingCeiling.class);
    /** Texts per embed call: enough to keep every worker busy, as ingestion's per-document calls do. */
    private static final int BATCH = 32;

    private EmbeddingCeiling() {}

    /**
     * @param texts chunk texts; those longer than the model's window are left out (ingestion never embeds them)
     * @param limit stops after this long even if texts remain
     */
    public static Ceiling measure(String modelId, int threads, String textsFrom, List<String> texts, Duration limit) {
        InProcessModel model = InProcessModel.byId(modelId);
        try (OnnxEmbeddingModel embedder = new OnnxEmbeddingModel(model, threads)) {
            List<String> fitting = texts.stream()
                    .filter(t -> embedder.countTokens(t) <= embedder.maxTokens())
                    .toList();
            if (fitting.isEmpty()) {
                throw new IllegalArgumentException("no text fits the model's window");
            }
            // Warm-up: the first runs of an ONNX session allocate and optimize; they are not steady-state throughput.
            embedder.embed(fitting.subList(0, Math.min(fitting.size(), 2 * threads)));
            long deadline = System.nanoTime() + limit.toNanos();
            long started = System.nanoTime();
            int done = 0;
            while (done < fitting.size() && System.nanoTime() < deadline) {
                List<String> batch = fitting.subList(done, Math.min(fitting.size(), done + BATCH));
                embedder.embed(batch);
                done += batch.size();
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            long tokens = fitting.subList(0, done).stream()
                    .mapToLong(embedder::countTokens)
                    .sum();
            LOG.info("embedding ceiling: {} texts, {} tokens in {} s", done, tokens, String.format("%.1f", seconds));
            return new Ceiling(modelId, threads, textsFrom, done, tokens, seconds, done / seconds, tokens / seconds);
        }
    }
}
