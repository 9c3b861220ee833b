package io.docmatrix.analysis.document;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A complete document version: all its chunks in ordinal order (the orchestrator knows the chunk count from DocumentIndexed). */
public record DocumentForAnalysis(
        UUID tenantId,
        UUID documentId,
        int version,
        @Nullable String title,
        @Nullable String filename,
        @Nullable String contentType,
        List<AnalysedChunk> chunks) {}
