package io.docmatrix.analysis.document;

import java.util.List;
import java.util.UUID;

/** One chunk as ingestion published it (ChunkEmbedded), with its vector (L2-normalised float[] of the model). */
public record AnalysedChunk(
        UUID chunkId,
        int ordinal,
        String text,
        int page,
        int pageEnd,
        int start,
        int end,
        List<String> headingPath,
        float[] vector) {}
