package io.docmatrix.query.retrieval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Reciprocal rank fusion (Cormack et al. 2009): each ranking adds {@code weight / (k + rank)} (rank from 1) to a
 * chunk's score. It needs no calibration between cosine similarities and text ranks, which live on unrelated scales.
 */
final class ReciprocalRankFusion {

    private ReciprocalRankFusion() {}

    static List<RetrievedChunk> fuse(
            List<RetrievedChunk> byVector,
            double vectorWeight,
            List<RetrievedChunk> byText,
            double textWeight,
            int k,
            int topK) {
        Map<UUID, RetrievedChunk> chunks = new LinkedHashMap<>();
        Map<UUID, Double> scores = new LinkedHashMap<>();
        add(byVector, vectorWeight, k, chunks, scores);
        add(byText, textWeight, k, chunks, scores);
        List<RetrievedChunk> fused = new ArrayList<>(chunks.size());
        chunks.forEach((id, chunk) -> fused.add(chunk.withScore(scores.get(id))));
        // Ties (a chunk at the same rank of either list) break by chunk id so the order is stable across calls.
        fused.sort(Comparator.comparingDouble(RetrievedChunk::score).reversed().thenComparing(RetrievedChunk::chunkId));
        return fused.subList(0, Math.min(topK, fused.size()));
    }

    private static void add(
            List<RetrievedChunk> ranking,
            double weight,
            int k,
            Map<UUID, RetrievedChunk> chunks,
            Map<UUID, Double> scores) {
        for (int i = 0; i < ranking.size(); i++) {
            RetrievedChunk chunk = ranking.get(i);
            chunks.putIfAbsent(chunk.chunkId(), chunk);
            scores.merge(chunk.chunkId(), weight / (k + i + 1), Double::sum);
        }
    }
}
