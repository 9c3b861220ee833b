package io.docmatrix.query.retrieval.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.docmatrix.embedding.EmbeddingModel;
import io.docmatrix.query.TestDocuments;
import io.docmatrix.query.projection.DocumentProjection;
import io.docmatrix.query.retrieval.ChunkSearch;
import io.docmatrix.query.retrieval.RetrievalProperties;
import io.docmatrix.query.retrieval.RetrievedChunk;
import io.docmatrix.query.retrieval.SearchFilters;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The full-text ranking on the real read store, as the application role runs it. The search under test counts a word
 * as common from 3 matching chunks on, so a tenant of a few chunks has common words; the service's default (500)
 * leaves tenants of fewer chunks than that exactly as they were.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@EmbeddedKafka(partitions = 1, bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class FullTextSearchIT {

    private static final String QUESTION = "What notice does a party need under the agreement about escrow?";
    // Dense in the question's common words: ts_rank_cd alone ranks these above the escrow clause.
    private static final String NOTICE_IN_WRITING = "The party shall give the other party written notice under this"
            + " agreement; notice to a party under the agreement is given in writing.";
    private static final String NOTICE_PERIOD =
            "Each party may terminate this agreement by notice; the notice period of this agreement binds each party.";
    private static final String NOTICE_BY_MAIL =
            "A notice under this agreement reaches a party when the party signs for the registered mail.";
    private static final String ESCROW = "Funds are held in escrow until the agreement closes.";

    @Autowired
    DocumentProjection projection;

    @Autowired
    EmbeddingModel model;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactionManager;

    private TestDocuments documents;
    private JdbcChunkSearch search;
    private final UUID tenant = UUID.randomUUID();

    @BeforeEach
    void setUp() {
        documents = new TestDocuments(model);
        search = new JdbcChunkSearch(jdbc, new RetrievalProperties(10, 50, 2000, 100, 60, 1, 1, 50, 100, 3, 1000));
    }

    @Test
    void theProvisionedDatabaseLetsTheTextMatchUseItsIndexUnderRowLevelSecurity() {
        // deploy/local's provisioning marks ts_match_vq leakproof; without it every search reads the tenant's chunks.
        assertThat(new FullTextIndexCheck(jdbc).indexUsable()).isTrue();
    }

    @Test
    void ranksTheChunkWithTheQuestionsRareWordFirstWhenItsOtherWordsAreInEveryChunk() {
        ingest(documents.document(tenant, NOTICE_IN_WRITING, NOTICE_PERIOD, NOTICE_BY_MAIL, ESCROW));

        List<String> found = texts(text(tenant, QUESTION, List.of(), SearchFilters.none(), 10));

        // The escrow clause first, then the others as ts_rank_cd orders them: found by the common words, topped up.
        assertThat(found).containsExactly(ESCROW, NOTICE_IN_WRITING, NOTICE_PERIOD, NOTICE_BY_MAIL);
    }

    @Test
    void fallsBackToTheCommonWordsWhenNoChunkHoldsTheRareOnes() {
        ingest(documents.document(tenant, NOTICE_IN_WRITING, NOTICE_PERIOD, NOTICE_BY_MAIL, ESCROW));

        // "need" and "zanzibar" are in no chunk: selecting by them alone finds nothing.
        List<String> found = texts(text(tenant, "Which notice does a party need about zanzibar?", 2));

        assertThat(found).containsExactly(NOTICE_IN_WRITING, NOTICE_PERIOD);
    }

    @Test
    void requiresEveryWordWhenAllAreCommon() {
        ingest(documents.document(tenant, NOTICE_IN_WRITING, NOTICE_PERIOD, NOTICE_BY_MAIL, ESCROW));

        List<String> found = texts(text(tenant, "the party and the agreement", 10));

        // Each of the four holds "agreement" and three "party": those three, the escrow clause as top-up.
        assertThat(found).hasSize(4).endsWith(ESCROW);
    }

    @Test
    void appliesFiltersAndTheTenantToTheSampleAndToEveryForm() {
        TestDocuments.Version notices = documents
                .document(tenant, NOTICE_IN_WRITING, NOTICE_PERIOD, NOTICE_BY_MAIL)
                .with("contracts", List.of("nda"), "text/plain", Instant.parse("2026-01-10T00:00:00Z"));
        TestDocuments.Version escrow = documents
                .document(tenant, ESCROW, NOTICE_BY_MAIL)
                .with("deeds", List.of("escrow"), "text/plain", Instant.parse("2026-02-10T00:00:00Z"));
        UUID other = UUID.randomUUID();
        TestDocuments.Version othersEscrow = documents.document(other, ESCROW, ESCROW + " Twice.", ESCROW + " Thrice.");
        ingest(notices);
        ingest(escrow);
        ingest(othersEscrow);

        SearchFilters contracts = new SearchFilters(List.of(), "contracts", List.of(), null, null);
        List<RetrievedChunk> inContracts = text(tenant, QUESTION, List.of(), contracts, 10);
        List<RetrievedChunk> inNotices = text(tenant, QUESTION, List.of(notices.documentId), SearchFilters.none(), 10);
        List<RetrievedChunk> all = text(tenant, QUESTION, List.of(), SearchFilters.none(), 10);
        List<RetrievedChunk> ofOther = text(other, QUESTION, List.of(escrow.documentId), SearchFilters.none(), 10);

        assertThat(inContracts).extracting(RetrievedChunk::documentId).containsOnly(notices.documentId);
        assertThat(texts(inContracts)).containsExactlyInAnyOrder(NOTICE_IN_WRITING, NOTICE_PERIOD, NOTICE_BY_MAIL);
        assertThat(inNotices).extracting(RetrievedChunk::documentId).containsOnly(notices.documentId);
        assertThat(inNotices).hasSize(3);
        assertThat(all).extracting(RetrievedChunk::documentId).containsOnly(notices.documentId, escrow.documentId);
        assertThat(all).hasSize(5);
        assertThat(all.get(0).chunkId()).isEqualTo(escrow.chunkId(0));
        assertThat(ofOther).isEmpty();
    }

    private List<RetrievedChunk> text(UUID tenantId, String question, int limit) {
        return text(tenantId, question, List.of(), SearchFilters.none(), limit);
    }

    private List<RetrievedChunk> text(
            UUID tenantId, String question, List<UUID> documentIds, SearchFilters filters, int limit) {
        // JdbcChunkSearch binds the tenant transaction-locally: without a transaction the setting would not outlive
        // its own statement.
        return new TransactionTemplate(transactionManager).execute(status -> search.find(
                        tenantId,
                        new ChunkSearch.CandidateQuery(null, model.modelId(), question, documentIds, filters, limit))
                .byText());
    }

    private static List<String> texts(List<RetrievedChunk> chunks) {
        return chunks.stream().map(RetrievedChunk::text).toList();
    }

    private void ingest(TestDocuments.Version doc) {
        projection.apply(doc.received());
        doc.chunks().forEach(projection::apply);
        projection.apply(doc.indexed());
    }
}
