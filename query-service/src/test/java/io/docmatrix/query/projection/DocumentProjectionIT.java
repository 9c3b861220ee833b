package io.docmatrix.query.projection;

import static org.assertj.core.api.Assertions.assertThat;

import io.docmatrix.contracts.DomainEvent;
import io.docmatrix.contracts.analysis.AnalysisEvent;
import io.docmatrix.contracts.chunk.ChunkEmbedded;
import io.docmatrix.contracts.document.DocumentIndexed;
import io.docmatrix.contracts.document.DocumentLifecycleEvent;
import io.docmatrix.embedding.EmbeddingModel;
import io.docmatrix.query.TenantSql;
import io.docmatrix.query.TestDocuments;
import io.docmatrix.query.retrieval.CorpusChanged;
import io.docmatrix.query.retrieval.RetrievalMode;
import io.docmatrix.query.retrieval.RetrievedChunk;
import io.docmatrix.query.retrieval.Retriever;
import io.docmatrix.query.retrieval.SearchFilters;
import io.docmatrix.query.retrieval.SearchRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.PlatformTransactionManager;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@EmbeddedKafka(partitions = 1, bootstrapServersProperty = "spring.kafka.bootstrap-servers")
@RecordApplicationEvents
class DocumentProjectionIT {

    private static final String QUESTION = "Who pays the penalty when a delivery is late?";
    private static final String LATE_DELIVERY =
            "If the supplier delivers late, the supplier pays a penalty of one percent of the order value per week.";
    private static final String CONFIDENTIALITY =
            "Each party keeps the other party's confidential information secret for five years.";
    private static final String GOVERNING_LAW = "This agreement is governed by the laws of Ireland.";
    private static final String LATE_DELIVERY_V2 =
            "Late delivery costs the supplier two percent of the order value for every week of delay.";

    @Autowired
    DocumentProjection projection;

    @Autowired
    Retriever retriever;

    @Autowired
    EmbeddingModel model;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    ApplicationEvents applicationEvents;

    private TestDocuments documents;
    private TenantSql sql;
    private final UUID tenant = UUID.randomUUID();

    @BeforeEach
    void setUp() {
        documents = new TestDocuments(model);
        sql = new TenantSql(jdbc, transactionManager);
    }

    @Test
    void appliesARedeliveredChunkOnce() {
        TestDocuments.Version doc = documents.document(tenant, LATE_DELIVERY, CONFIDENTIALITY);
        projection.apply(doc.received());
        ChunkEmbedded first = doc.chunks().get(0);

        projection.apply(first);
        projection.apply(first);

        assertThat(sql.rows(tenant, "SELECT staged_chunks FROM document_version WHERE document_id = ?", doc.documentId))
                .containsExactly(Map.of("staged_chunks", 1));
        assertThat(sql.rows(tenant, "SELECT chunk_id FROM chunk WHERE document_id = ?", doc.documentId))
                .hasSize(1);
    }

    @Test
    void activatesAVersionWhoseChunksArriveBeforeDocumentIndexed() {
        TestDocuments.Version doc = documents.document(tenant, LATE_DELIVERY, CONFIDENTIALITY);
        projection.apply(doc.received());
        doc.chunks().forEach(projection::apply);

        assertThat(search(tenant)).isEmpty();

        projection.apply(doc.indexed());

        assertThat(search(tenant)).extracting(RetrievedChunk::chunkId).contains(doc.chunkId(0), doc.chunkId(1));
        assertThat(applicationEvents.stream(CorpusChanged.class))
                .containsExactly(new CorpusChanged(tenant, doc.documentId));
    }

    @Test
    void keepsAHalfIndexedVersionInvisibleUntilItsLastChunkArrives() {
        TestDocuments.Version doc = documents.document(tenant, LATE_DELIVERY, CONFIDENTIALITY, GOVERNING_LAW);
        projection.apply(doc.received());
        projection.apply(doc.indexed());
        List<ChunkEmbedded> chunks = doc.chunks();
        projection.apply(chunks.get(2));
        projection.apply(chunks.get(0));

        assertThat(search(tenant)).isEmpty();
        assertThat(status(doc)).isEqualTo("RECEIVED");

        projection.apply(chunks.get(1));

        assertThat(search(tenant)).hasSize(3);
        assertThat(status(doc)).isEqualTo("READY");
    }

    @Test
    void replacesTheSearchableVersionOnlyOnceTheNewOneIsComplete() {
        TestDocuments.Version v1 = documents.document(tenant, LATE_DELIVERY, CONFIDENTIALITY);
        apply(v1.received(), v1.chunks(), v1.indexed());
        TestDocuments.Version v2 = v1.next(LATE_DELIVERY_V2, CONFIDENTIALITY);
        List<ChunkEmbedded> v2Chunks = v2.chunks();
        projection.apply(v2.received());
        projection.apply(v2Chunks.get(0));
        projection.apply(v2.indexed());

        assertThat(search(tenant)).extracting(RetrievedChunk::version).containsOnly(1);

        projection.apply(v2Chunks.get(1));

        List<RetrievedChunk> found = search(tenant);
        assertThat(found).extracting(RetrievedChunk::version).containsOnly(2);
        assertThat(found.get(0).text()).isEqualTo(LATE_DELIVERY_V2);
        assertThat(sql.rows(tenant, "SELECT DISTINCT version FROM chunk WHERE document_id = ?", v1.documentId))
                .containsExactly(Map.of("version", 2));
    }

    @Test
    void ignoresAStaleVersionThatCompletesAfterItsSuccessor() {
        TestDocuments.Version v1 = documents.document(tenant, LATE_DELIVERY);
        TestDocuments.Version v2 = v1.next(LATE_DELIVERY_V2);
        projection.apply(v1.received());
        projection.apply(v2.received());
        apply(v2.chunks(), v2.indexed());

        apply(v1.chunks(), v1.indexed());

        assertThat(search(tenant)).extracting(RetrievedChunk::text).containsExactly(LATE_DELIVERY_V2);
        assertThat(sql.rows(tenant, "SELECT count(*) AS n FROM chunk WHERE document_id = ?", v1.documentId))
                .containsExactly(Map.of("n", 1L));
    }

    @Test
    void keepsTheSearchableVersionWhenItsSuccessorFails() {
        TestDocuments.Version v1 = documents.document(tenant, LATE_DELIVERY);
        apply(v1.received(), v1.chunks(), v1.indexed());
        TestDocuments.Version v2 = v1.next(LATE_DELIVERY_V2);
        projection.apply(v2.received());
        projection.apply(v2.chunks().get(0));

        projection.apply(v2.failed());

        assertThat(search(tenant)).extracting(RetrievedChunk::text).containsExactly(LATE_DELIVERY);
        assertThat(status(v1)).isEqualTo("FAILED");
        assertThat(sql.rows(tenant, "SELECT version FROM chunk WHERE document_id = ?", v1.documentId))
                .containsExactly(Map.of("version", 1));
    }

    @Test
    void purgesADeletedDocumentAndIgnoresItsLaterEvents() {
        TestDocuments.Version doc = documents.document(tenant, LATE_DELIVERY, CONFIDENTIALITY);
        apply(doc.received(), doc.chunks(), doc.indexed());
        applicationEvents.clear();

        projection.apply(doc.deleted());
        apply(doc.received(), doc.chunks(), doc.indexed());

        assertThat(search(tenant)).isEmpty();
        assertThat(sql.rows(tenant, "SELECT chunk_id FROM chunk WHERE document_id = ?", doc.documentId))
                .isEmpty();
        assertThat(sql.rows(tenant, "SELECT document_id FROM document WHERE document_id = ?", doc.documentId))
                .isEmpty();
        assertThat(applicationEvents.stream(CorpusChanged.class))
                .containsExactly(new CorpusChanged(tenant, doc.documentId));
    }

    @Test
    void keepsTheRiskScoreAndClauseCategoriesOfTheNewestAnalysis() {
        TestDocuments.Version v1 = documents.document(tenant, LATE_DELIVERY);
        TestDocuments.Version v2 = v1.next(LATE_DELIVERY_V2);
        projection.apply(v2.analysed(70, "LIABILITY", "PENALTIES"));
        apply(v1.received(), v1.chunks(), v1.indexed());

        projection.apply(v1.analysed(10, "CONFIDENTIALITY"));

        assertThat(sql.rows(
                        tenant,
                        "SELECT risk_score, clause_categories::text AS categories, analysis_version FROM document"
                                + " WHERE document_id = ?",
                        v1.documentId))
                .containsExactly(
                        Map.of("risk_score", 70.0, "categories", "{LIABILITY,PENALTIES}", "analysis_version", 2));
    }

    @Test
    void rebuildsTheSameStoreWhenTheTopicsAreReplayed() {
        TestDocuments.Version a1 = documents.document(tenant, LATE_DELIVERY, CONFIDENTIALITY);
        TestDocuments.Version a2 = a1.next(LATE_DELIVERY_V2, CONFIDENTIALITY);
        TestDocuments.Version b1 = documents.document(tenant, GOVERNING_LAW);
        List<DomainEvent> history = new ArrayList<>();
        history.add(a1.received());
        history.addAll(a1.chunks());
        history.add(a1.indexed());
        history.add(a1.analysed(20, "PENALTIES"));
        history.add(a2.received());
        history.addAll(a2.chunks());
        history.add(a2.indexed());
        history.add(b1.received());
        history.addAll(b1.chunks());
        history.add(b1.indexed());
        history.add(b1.deleted());
        history.forEach(this::applyAny);
        List<Map<String, Object>> built = sql.snapshot(tenant);

        history.forEach(this::applyAny); // redelivery of every event: recognised by id
        // A re-publication of the whole history (new event ids, as after re-processing): upserts converge.
        List<DomainEvent> republished = new ArrayList<>();
        republished.add(a1.received());
        republished.addAll(a1.chunks());
        republished.add(a1.indexed());
        republished.add(a1.analysed(20, "PENALTIES"));
        republished.add(a2.received());
        republished.addAll(a2.chunks());
        republished.add(a2.indexed());
        republished.add(b1.received());
        republished.addAll(b1.chunks());
        republished.add(b1.indexed());
        republished.forEach(this::applyAny);

        assertThat(sql.snapshot(tenant)).isEqualTo(built);
        assertThat(built).isNotEmpty();
    }

    private void applyAny(DomainEvent event) {
        if (event instanceof ChunkEmbedded chunk) {
            projection.apply(chunk);
        } else if (event instanceof DocumentLifecycleEvent lifecycle) {
            projection.apply(lifecycle);
        } else if (event instanceof AnalysisEvent analysis) {
            projection.apply(analysis);
        }
    }

    private void apply(Object... events) {
        for (Object event : events) {
            if (event instanceof List<?> list) {
                list.forEach(e -> applyAny((DomainEvent) e));
            } else if (event instanceof DocumentIndexed indexed) {
                projection.apply(indexed);
            } else {
                applyAny((DomainEvent) event);
            }
        }
    }

    private String status(TestDocuments.Version doc) {
        return (String) sql.rows(tenant, "SELECT status FROM document WHERE document_id = ?", doc.documentId)
                .get(0)
                .get("status");
    }

    private List<RetrievedChunk> search(UUID tenantId) {
        return retriever.retrieve(
                tenantId, new SearchRequest(QUESTION, List.of(), SearchFilters.none(), 10, RetrievalMode.VECTOR));
    }
}
