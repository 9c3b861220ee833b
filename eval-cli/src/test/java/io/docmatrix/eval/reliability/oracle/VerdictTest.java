package io.docmatrix.eval.reliability.oracle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class VerdictTest {

    private static final UUID TENANT = UUID.randomUUID();
    private static final UUID OTHER = UUID.randomUUID();

    private final Map<VersionKey, UUID> uploads = new HashMap<>();
    private final Map<VersionKey, StoreSnapshot.IngestedVersion> ingestion = new HashMap<>();
    private final Map<VersionKey, StoreSnapshot.ChunkSet> ingestionChunks = new HashMap<>();
    private final Map<VersionKey, StoreSnapshot.QueryVersion> query = new HashMap<>();
    private final Map<VersionKey, StoreSnapshot.ChunkSet> queryChunks = new HashMap<>();
    private final Map<VersionKey, StoreSnapshot.AnalysisSet> analyses = new HashMap<>();

    @Test
    void aReadyDocumentInEveryStoreOnceIsOk() {
        VersionKey doc = ready(3);

        Verdict.Result result = judge(Map.of(doc, TENANT), Set.of());

        assertThat(result.ok()).isEqualTo(1);
        assertThat(result.violated()).isFalse();
    }

    @Test
    void aFailedDocumentWithACodeAndNoAnalysisIsOk() {
        VersionKey doc = new VersionKey(UUID.randomUUID(), 1);
        uploads.put(doc, TENANT);
        ingestion.put(doc, new StoreSnapshot.IngestedVersion(TENANT, "FAILED", "PARSE_FAILED", null));
        query.put(doc, new StoreSnapshot.QueryVersion(TENANT, "FAILED", null));

        assertThat(judge(Map.of(doc, TENANT), Set.of()).violated()).isFalse();
    }

    @Test
    void anAcceptedDocumentIngestionNeverHeardOfIsLost() {
        VersionKey doc = new VersionKey(UUID.randomUUID(), 1);
        uploads.put(doc, TENANT);

        assertThat(judge(Map.of(doc, TENANT), Set.of()).counts()).containsEntry(Verdict.Kind.LOST, 1);
    }

    @Test
    void aSecondChunkSetOrVectorSetOrAnalysisIsADuplicate() {
        VersionKey chunks = ready(2);
        queryChunks.put(chunks, new StoreSnapshot.ChunkSet(TENANT, 4, 2, 4));
        VersionKey analysis = ready(2);
        analyses.put(analysis, new StoreSnapshot.AnalysisSet(TENANT, 2, 0, 2));

        Verdict.Result result = judge(Map.of(chunks, TENANT, analysis, TENANT), Set.of());

        assertThat(result.counts()).containsEntry(Verdict.Kind.DUPLICATED, 2);
        assertThat(result.ok()).isZero();
    }

    @Test
    void aDocumentStillEmbeddingAfterConvergenceIsStuck() {
        VersionKey doc = new VersionKey(UUID.randomUUID(), 1);
        uploads.put(doc, TENANT);
        ingestion.put(doc, new StoreSnapshot.IngestedVersion(TENANT, "EMBEDDING", null, null));

        assertThat(judge(Map.of(doc, TENANT), Set.of()).counts()).containsEntry(Verdict.Kind.STUCK, 1);
    }

    @Test
    void aDocumentNoRequestExplainsIsAPhantom() {
        ready(1);

        Verdict.Result result = judge(Map.of(), Set.of());

        assertThat(result.counts()).containsEntry(Verdict.Kind.PHANTOM, 1);
        assertThat(result.documents()).isZero();
    }

    @Test
    void aDocumentUnderAnotherTenantOrVisibleToItIsLeaked() {
        VersionKey stored = ready(1);
        analyses.put(stored, new StoreSnapshot.AnalysisSet(OTHER, 1, 0, 1));
        VersionKey visible = ready(1);

        Verdict.Result result = judge(Map.of(stored, TENANT, visible, TENANT), Set.of(visible.documentId()));

        assertThat(result.counts()).containsEntry(Verdict.Kind.LEAKED, 2);
    }

    private VersionKey ready(int chunks) {
        VersionKey doc = new VersionKey(UUID.randomUUID(), 1);
        uploads.put(doc, TENANT);
        ingestion.put(doc, new StoreSnapshot.IngestedVersion(TENANT, "READY", null, chunks));
        ingestionChunks.put(doc, new StoreSnapshot.ChunkSet(TENANT, chunks, chunks, chunks));
        query.put(doc, new StoreSnapshot.QueryVersion(TENANT, "READY", chunks));
        queryChunks.put(doc, new StoreSnapshot.ChunkSet(TENANT, chunks, chunks, chunks));
        analyses.put(doc, new StoreSnapshot.AnalysisSet(TENANT, 1, 0, 1));
        return doc;
    }

    private Verdict.Result judge(Map<VersionKey, UUID> expected, Set<UUID> visibleToOther) {
        return Verdict.judge(
                expected,
                new StoreSnapshot(uploads, ingestion, ingestionChunks, query, queryChunks, analyses, visibleToOther));
    }
}
