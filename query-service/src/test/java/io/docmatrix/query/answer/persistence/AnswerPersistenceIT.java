package io.docmatrix.query.answer.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.docmatrix.query.answer.Answer;
import io.docmatrix.query.answer.AnswerMode;
import io.docmatrix.query.answer.AnswerProperties;
import io.docmatrix.query.answer.AnswerSentence;
import io.docmatrix.query.answer.Citation;
import io.docmatrix.query.answer.ConversationNotFoundException;
import io.docmatrix.query.answer.Fallback;
import io.docmatrix.query.answer.Turn;
import io.docmatrix.query.answer.Unsupported;
import io.docmatrix.query.retrieval.RetrievalMode;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The answer cache and conversations on the real PostgreSQL, connected as the application's RLS-bound role (not the
 * owner), with the schema migrated by Flyway as the owner, exactly as the service runs. Tests isolate themselves by
 * random tenants.
 */
class AnswerPersistenceIT {

    private static final String URL = "jdbc:postgresql://" + env("DOCMATRIX_TEST_PG_HOST", "127.0.0.1") + ":"
            + env("DOCMATRIX_TEST_PG_PORT", "5433") + "/" + env("DOCMATRIX_TEST_DB", "docmatrix_query_test");
    private static final String APP_ROLE = "docmatrix_query_test_app";

    private static DataSource app;
    private static JdbcClient jdbc;
    private static TenantTransactions tenants;
    private static JdbcAnswerCache cache;
    private static JdbcConversations conversations;

    private final UUID tenant = UUID.randomUUID();
    private final UUID otherTenant = UUID.randomUUID();

    @BeforeAll
    static void migrate() {
        Flyway.configure()
                .dataSource(URL, "docmatrix_test", "")
                .placeholders(Map.of("app_role", APP_ROLE))
                .load()
                .migrate();
        app = new SimpleDriverDataSource(new org.postgresql.Driver(), URL, APP_ROLE, "");
        jdbc = JdbcClient.create(app);
        tenants = new TenantTransactions(jdbc, new DataSourceTransactionManager(app));
        cache = new JdbcAnswerCache(jdbc, tenants, properties(Duration.ofHours(1)));
        conversations = new JdbcConversations(jdbc, tenants);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static AnswerProperties properties(Duration ttl) {
        return new AnswerProperties(
                8,
                50,
                2000,
                100,
                3,
                new AnswerProperties.Extractive(5, 12, 0.3, 0.45, 0.25, 0.85, 400),
                new AnswerProperties.Cache(ttl),
                new AnswerProperties.Conversations(5),
                new AnswerProperties.Llm(
                        false,
                        URI.create("http://127.0.0.1:1/v1"),
                        "m",
                        null,
                        Duration.ofSeconds(1),
                        1,
                        Duration.ofMillis(1),
                        6,
                        0.6,
                        100,
                        0,
                        50,
                        10,
                        4,
                        Duration.ofSeconds(1)));
    }

    private static Answer answer(String text) {
        Citation citation =
                new Citation(UUID.randomUUID(), UUID.randomUUID(), 2, 3, 120, 120 + text.length(), text, 0.0327868852);
        return new Answer(
                text,
                List.of(citation),
                List.of(new AnswerSentence(text, 0)),
                RetrievalMode.HYBRID,
                AnswerMode.EXTRACTIVE,
                new Fallback("LLM_TIMEOUT"),
                null,
                false,
                List.of(new Unsupported("Made up.", "NOT_SUPPORTED")));
    }

    private static void put(UUID tenant, String key, List<UUID> scope, Answer answer) {
        cache.put(tenant, key, scope, answer, cache.find(tenant, key).generation());
    }

    @Test
    void doesNotStoreAnAnswerComputedAcrossAnEviction() {
        long before = cache.find(tenant, "slow").generation();
        cache.evict(tenant, UUID.randomUUID()); // a document changed while the answer was computed

        cache.put(tenant, "slow", List.of(), answer("stale"), before);

        assertThat(cache.find(tenant, "slow").answer()).isEmpty();
    }

    @Test
    void returnsACachedAnswerExactlyAsStored() {
        Answer stored = answer("The rent is 1,200 euros.");
        put(tenant, "k1", List.of(), stored);

        assertThat(cache.find(tenant, "k1").answer()).contains(stored);
    }

    @Test
    void neverReturnsAnotherTenantsCachedAnswer() {
        put(tenant, "shared-key", List.of(), answer("Tenant A's secret."));

        assertThat(cache.find(otherTenant, "shared-key").answer()).isEmpty();
    }

    @Test
    void rowLevelSecurityHidesEveryRowFromAnotherTenantAndFromNoTenant() {
        put(tenant, "rls", List.of(), answer("Hidden."));
        conversations.start(tenant, "user-1");

        long asOther = tenants.in(otherTenant, () -> jdbc.sql(
                        "SELECT (SELECT count(*) FROM answer_cache) + (SELECT count(*) FROM conversation)")
                .query(Long.class)
                .single());
        long withoutTenant = jdbc.sql(
                        "SELECT (SELECT count(*) FROM answer_cache) + (SELECT count(*) FROM conversation)")
                .query(Long.class)
                .single();

        assertThat(asOther).isZero();
        assertThat(withoutTenant).isZero();
    }

    @Test
    void evictsTheTenantsAnswersOverTheDocumentOrOverAllDocumentsOnly() {
        UUID changed = UUID.randomUUID();
        UUID untouched = UUID.randomUUID();
        put(tenant, "over-changed", List.of(changed, untouched), answer("a"));
        put(tenant, "over-other", List.of(untouched), answer("b"));
        put(tenant, "over-all", List.of(), answer("c"));
        put(otherTenant, "other-tenant-all", List.of(), answer("d"));

        cache.evict(tenant, changed);

        assertThat(cache.find(tenant, "over-changed").answer()).isEmpty();
        assertThat(cache.find(tenant, "over-all").answer()).isEmpty();
        assertThat(cache.find(tenant, "over-other").answer()).isPresent();
        assertThat(cache.find(otherTenant, "other-tenant-all").answer()).isPresent();
    }

    @Test
    void evictsInTheTransactionOfTheChangeSoARolledBackChangeKeepsTheAnswer() {
        UUID document = UUID.randomUUID();
        put(tenant, "tx", List.of(document), answer("kept"));
        TransactionTemplate projection = new TransactionTemplate(new DataSourceTransactionManager(app));

        projection.executeWithoutResult(status -> {
            cache.evict(tenant, document);
            status.setRollbackOnly(); // the projection's change failed
        });

        assertThat(cache.find(tenant, "tx").answer()).isPresent();
    }

    @Test
    void ignoresAnswersOlderThanTheTimeToLive() {
        JdbcAnswerCache shortLived = new JdbcAnswerCache(jdbc, tenants, properties(Duration.ofSeconds(60)));
        shortLived.put(
                tenant,
                "old",
                List.of(),
                answer("old"),
                shortLived.find(tenant, "old").generation());
        tenants.run(tenant, () -> jdbc.sql("UPDATE answer_cache SET created_at = now() - interval '2 minutes'")
                .update());

        assertThat(shortLived.find(tenant, "old").answer()).isEmpty();
    }

    @Test
    void keepsTheLastTurnsOfAConversationInOrder() {
        UUID conversation = conversations.start(tenant, "user-1");
        for (int i = 1; i <= 7; i++) {
            conversations.append(tenant, "user-1", conversation, new Turn("q" + i, "a" + i), 5);
        }

        List<Turn> recent =
                conversations.recent(tenant, "user-1", conversation, 3).orElseThrow();
        long stored =
                tenants.in(tenant, () -> jdbc.sql("SELECT count(*) FROM conversation_turn WHERE conversation_id = ?")
                        .param(conversation)
                        .query(Long.class)
                        .single());

        assertThat(recent).extracting(Turn::question).containsExactly("q5", "q6", "q7");
        assertThat(stored).isEqualTo(5);
    }

    @Test
    void findsAConversationOnlyForItsTenantAndUser() {
        UUID conversation = conversations.start(tenant, "user-1");

        assertThat(conversations.recent(tenant, "user-1", conversation, 5)).contains(List.of());
        assertThat(conversations.recent(tenant, "user-2", conversation, 5)).isEmpty();
        assertThat(conversations.recent(otherTenant, "user-1", conversation, 5)).isEmpty();
        assertThatThrownBy(() -> conversations.append(otherTenant, "user-1", conversation, new Turn("q", "a"), 5))
                .isInstanceOf(ConversationNotFoundException.class);
    }
}
