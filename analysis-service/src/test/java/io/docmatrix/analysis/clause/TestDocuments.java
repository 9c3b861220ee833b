package io.docmatrix.analysis.clause;

import io.docmatrix.analysis.document.AnalysedChunk;
import io.docmatrix.analysis.document.DocumentForAnalysis;
import io.docmatrix.embedding.EmbeddingModel;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Fixture texts turned into documents as ingestion would publish them: chunked and embedded by the real model. */
public final class TestDocuments {

    private TestDocuments() {}

    public static String fixture(String name) {
        try (InputStream in = TestDocuments.class.getResourceAsStream("/fixtures/" + name)) {
            if (in == null) {
                throw new IllegalStateException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static DocumentForAnalysis document(UUID tenantId, String text, EmbeddingModel model) {
        List<EvalChunker.TextChunk> pieces = new EvalChunker(model, 120, 20).chunk(text);
        List<float[]> vectors = model.embed(
                pieces.stream().map(p -> text.substring(p.start(), p.end())).toList());
        List<AnalysedChunk> chunks = new ArrayList<>();
        for (int i = 0; i < pieces.size(); i++) {
            EvalChunker.TextChunk p = pieces.get(i);
            chunks.add(new AnalysedChunk(
                    UUID.randomUUID(),
                    i,
                    text.substring(p.start(), p.end()),
                    1,
                    1,
                    p.start(),
                    p.end(),
                    List.of(),
                    vectors.get(i)));
        }
        return new DocumentForAnalysis(tenantId, UUID.randomUUID(), 1, null, "fixture.txt", "text/plain", chunks);
    }
}
