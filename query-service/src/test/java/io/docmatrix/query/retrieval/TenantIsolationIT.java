package io.docmatrix.query.retrieval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.docmatrix.embedding.EmbeddingModel;
import io.docmatrix.query.TenantSql;
import io.docmatrix.query.TestDocuments;
import io.docmatrix.query.projection.DocumentProjection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Row-level security as the application role meets it, and what it means for search. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@EmbeddedKafka(partitions = 1, bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class TenantIsolationIT {

    private static final List<String> TABLES = List.of("document", "document_version", "chunk", "deleted_document");
    private static final String QUESTION = "What is the monthly rent for the warehouse?";
    private static final String RENT = "The tenant pays a monthly rent of 4,000 euros for the warehouse.";

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

    private TestDocuments documents;
    private TenantSql sql;
    private final UUID tenantA = UUID.randomUUID();
    private final UUID tenantB = UUID.randomUUID();

    @BeforeEach
    void setUp() {
        documents = new TestDocuments(model);
        sql = new TenantSql(jdbc, transactionManager);
    }

    @Test
    void connectsAsARoleThatIsNeitherSuperuserNorOwnerAndCannotBypassRowLevelSecurity() {
        Map<String, Object> role =
                jdbc.queryForMap("SELECT rolname, rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user");

        assertThat(role).containsEntry("rolsuper", false).containsEntry("rolbypassrls", false);
        List<Map<String, Object>> tables = jdbc.queryForList(
                """
                SELECT c.relname, c.relrowsecurity, c.relforcerowsecurity,
                       pg_has_role(current_user, c.relowner, 'MEMBER') AS owner_or_member
                FROM pg_class c WHERE c.relnamespace = 'public'::regnamespace AND c.relname = ANY(?::text[])
                """,
                (Object) TABLES.toArray(String[]::new));
        assertThat(tables).hasSize(TABLES.size()).allSatisfy(table -> assertThat(table)
                .containsEntry("relrowsecurity", true)
                .containsEntry("relforcerowsecurity", true)
                .containsEntry("owner_or_member", false));
    }

    @Test
    void aTransactionWithoutATenantSeesNoRows() {
        TestDocuments.Version doc = documents.document(tenantA, RENT);
        ingest(doc);
        assertThat(sql.rows(tenantA, "SELECT chunk_id FROM chunk WHERE document_id = ?", doc.documentId))
                .hasSize(1);

        Long visible = new TransactionTemplate(transactionManager)
                .execute(status -> jdbc.queryForObject(
                        "SELECT (SELECT count(*) FROM chunk) + (SELECT count(*) FROM document)"
                                + " + (SELECT count(*) FROM document_version)",
                        Long.class));

        assertThat(visible).isZero();
    }

    @Test
    void aStatementThatChangesTheTenantWhileItRunsStillSeesOnlyTheTenantItStartedWith() {
        ingest(documents.document(tenantA, RENT, RENT + " Heating is included."));
        ingest(documents.document(tenantB, RENT));

        // The setting changes after the first row (the filter reads a column, so it runs per row, after the
        // policy). A policy reading the setting per row would let every later row of tenant B through.
        List<Object> result = sql.as(tenantA, j -> {
            List<Object> seen = new ArrayList<>(j.queryForList(
                    "SELECT DISTINCT tenant_id FROM chunk"
                            + " WHERE set_config('app.tenant_id', ? || left(chunk_id::text, 0), true) IS NOT NULL",
                    Object.class,
                    tenantB.toString()));
            seen.add(j.queryForObject("SELECT current_setting('app.tenant_id')", String.class));
            return seen;
        });

        assertThat(result).containsExactly(tenantA, tenantB.toString());
    }

    @Test
    void refusesToWriteARowOfAnotherTenant() {
        assertThatThrownBy(() -> sql.as(
                        tenantA,
                        j -> j.update(
                                "INSERT INTO deleted_document (document_id, tenant_id, deleted_at) VALUES (?, ?, now())",
                                UUID.randomUUID(),
                                tenantB)))
                .isInstanceOf(DataAccessException.class)
                .hasStackTraceContaining("violates row-level security policy");
    }

    @Test
    void searchNeverReturnsAnotherTenantsChunksNotEvenForItsDocumentIds() {
        TestDocuments.Version ofA = documents.document(tenantA, RENT);
        ingest(ofA);
        ingest(documents.document(tenantB, "The landlord repairs the roof at his own cost."));

        for (RetrievalMode mode : RetrievalMode.values()) {
            List<RetrievedChunk> all = retriever.retrieve(tenantB, request(List.of(), 10, mode));
            List<RetrievedChunk> named = retriever.retrieve(tenantB, request(List.of(ofA.documentId), 10, mode));

            assertThat(all).extracting(RetrievedChunk::documentId).doesNotContain(ofA.documentId);
            assertThat(named).isEmpty();
        }
        assertThat(retriever.retrieve(tenantA, request(List.of(ofA.documentId), 10, RetrievalMode.HYBRID)))
                .extracting(RetrievedChunk::documentId)
                .containsExactly(ofA.documentId);
    }

    @Test
    void aSmallTenantGetsItsFullTopKWhileABigTenantHasManyBetterMatches() {
        List<String> rentTexts = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            rentTexts.add("The monthly rent for warehouse unit " + i + " is " + (3000 + i * 100) + " euros.");
        }
        for (int d = 0; d < 15; d++) {
            ingest(documents.document(tenantA, rentTexts.toArray(String[]::new)));
        }
        TestDocuments.Version small = documents.document(
                tenantB,
                "The parties meet once a year to review the service levels.",
                "Disputes go to arbitration in Vienna.",
                "Either party may assign this agreement to an affiliate.",
                "Notices must be sent by registered mail.",
                "The warehouse keys are handed over on the first day.");
        ingest(small);

        for (RetrievalMode mode : List.of(RetrievalMode.VECTOR, RetrievalMode.HYBRID)) {
            List<RetrievedChunk> found = retriever.retrieve(tenantB, request(List.of(), 5, mode));

            assertThat(found).hasSize(5).allSatisfy(chunk -> assertThat(chunk.documentId())
                    .isEqualTo(small.documentId));
        }
        assertThat(retriever.retrieve(tenantA, request(List.of(), 50, RetrievalMode.VECTOR)))
                .hasSize(50);
    }

    private void ingest(TestDocuments.Version doc) {
        projection.apply(doc.received());
        doc.chunks().forEach(projection::apply);
        projection.apply(doc.indexed());
    }

    private static SearchRequest request(List<UUID> documentIds, int topK, RetrievalMode mode) {
        return new SearchRequest(QUESTION, documentIds, SearchFilters.none(), topK, mode);
    }
}
