package io.docmatrix.query;

import io.docmatrix.contracts.analysis.AnalysisCompleted;
import io.docmatrix.contracts.analysis.ClauseSummary;
import io.docmatrix.contracts.chunk.ChunkEmbedded;
import io.docmatrix.contracts.chunk.Embedding;
import io.docmatrix.contracts.document.DocumentDeleted;
import io.docmatrix.contracts.document.DocumentFailed;
import io.docmatrix.contracts.document.DocumentIndexed;
import io.docmatrix.contracts.document.DocumentReceived;
import io.docmatrix.contracts.upload.DocumentMetadata;
import io.docmatrix.embedding.EmbeddingModel;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Object mother of the events ingestion and analysis publish about a document version, with real vectors of the
 * fixture texts from the service's own embedding model (cached per text: the model is the slow part of a test).
 * Every event method mints a new event id, so calling it twice is a re-publication, and keeping its result and
 * applying it twice is a redelivery.
 */
public final class TestDocuments {

    private static final Map<String, float[]> VECTORS = new ConcurrentHashMap<>();

    private final EmbeddingModel model;

    public TestDocuments(EmbeddingModel model) {
        this.model = model;
    }

    /** Version 1 of a new document of the tenant with one chunk per text. */
    public Version document(UUID tenantId, String... texts) {
        UUID id = UUID.randomUUID();
        return new Version(
                tenantId,
                id,
                1,
                List.of(texts),
                new DocumentMetadata("Document " + id.toString().substring(0, 8), List.of(), null, null),
                "application/pdf",
                Instant.parse("2026-03-01T10:00:00Z"));
    }

    float[] vector(String text) {
        float[] cached = VECTORS.get(text);
        if (cached == null) {
            cached = model.embed(List.of(text)).get(0);
            VECTORS.put(text, cached);
        }
        return cached;
    }

    /** One version of a document and the events about it. */
    public final class Version {

        public final UUID tenantId;
        public final UUID documentId;
        public final int version;
        public final List<String> texts;
        public final DocumentMetadata metadata;
        public final String contentType;
        public final Instant receivedAt;

        Version(
                UUID tenantId,
                UUID documentId,
                int version,
                List<String> texts,
                DocumentMetadata metadata,
                String contentType,
                Instant receivedAt) {
            this.tenantId = tenantId;
            this.documentId = documentId;
            this.version = version;
            this.texts = texts;
            this.metadata = metadata;
            this.contentType = contentType;
            this.receivedAt = receivedAt;
        }

        /** The next version of the same document with other texts. */
        public Version next(String... newTexts) {
            return new Version(
                    tenantId,
                    documentId,
                    version + 1,
                    List.of(newTexts),
                    metadata,
                    contentType,
                    receivedAt.plusSeconds(3600));
        }

        public Version with(@Nullable String collection, List<String> tags, String type, Instant at) {
            return new Version(
                    tenantId,
                    documentId,
                    version,
                    texts,
                    new DocumentMetadata(metadata.title(), tags, collection, null),
                    type,
                    at);
        }

        public UUID chunkId(int ordinal) {
            return UUID.nameUUIDFromBytes(
                    ("test-chunk:" + documentId + ":" + version + ":" + ordinal).getBytes(StandardCharsets.UTF_8));
        }

        public DocumentReceived received() {
            return new DocumentReceived(
                    UUID.randomUUID(),
                    receivedAt,
                    documentId,
                    tenantId,
                    version,
                    "document-" + version + ".pdf",
                    contentType,
                    1000,
                    "tester",
                    metadata);
        }

        public List<ChunkEmbedded> chunks() {
            List<ChunkEmbedded> chunks = new ArrayList<>();
            int offset = 0;
            for (int i = 0; i < texts.size(); i++) {
                String text = texts.get(i);
                chunks.add(new ChunkEmbedded(
                        UUID.randomUUID(),
                        receivedAt.plusSeconds(10 + i),
                        documentId,
                        tenantId,
                        version,
                        chunkId(i),
                        i,
                        text,
                        i + 1,
                        i + 1,
                        offset,
                        offset + text.length(),
                        List.of("Section " + (i + 1)),
                        text.split(" ").length,
                        Embedding.of(model.modelId(), vector(text))));
                offset += text.length() + 1;
            }
            return chunks;
        }

        public DocumentIndexed indexed() {
            return new DocumentIndexed(
                    UUID.randomUUID(),
                    receivedAt.plusSeconds(60),
                    documentId,
                    tenantId,
                    version,
                    texts.size(),
                    texts.size(),
                    model.modelId(),
                    model.dimension());
        }

        public DocumentFailed failed() {
            return new DocumentFailed(
                    UUID.randomUUID(),
                    receivedAt.plusSeconds(60),
                    documentId,
                    tenantId,
                    version,
                    "ENCRYPTED_DOCUMENT",
                    "The document is encrypted.",
                    "PARSING");
        }

        public DocumentDeleted deleted() {
            return new DocumentDeleted(
                    UUID.randomUUID(), receivedAt.plusSeconds(7200), documentId, tenantId, version, "tester");
        }

        public AnalysisCompleted analysed(double riskScore, String... categories) {
            return new AnalysisCompleted(
                    UUID.randomUUID(),
                    receivedAt.plusSeconds(120),
                    documentId,
                    tenantId,
                    version,
                    UUID.randomUUID(),
                    "nda-standard",
                    1,
                    riskScore,
                    List.of(categories).stream()
                            .map(c -> new ClauseSummary(c, 1, 0.9))
                            .toList(),
                    List.of());
        }
    }
}
