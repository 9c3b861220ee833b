package io.docmatrix.query.answer;

import static org.assertj.core.api.Assertions.assertThat;

import io.docmatrix.query.answer.OpenAiProtocolServer.Reply;
import io.docmatrix.query.answer.llm.LlmMetrics;
import io.docmatrix.query.answer.llm.OpenAiAnswerModel;
import io.docmatrix.query.answer.llm.ResilientAnswerModel;
import io.docmatrix.query.retrieval.RetrievalMode;
import io.docmatrix.query.retrieval.RetrievedChunk;
import io.docmatrix.query.retrieval.SearchFilters;
import io.docmatrix.runtime.observability.TenantTags;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The LLM path end to end against a real HTTP server speaking the OpenAI chat-completions protocol, through Spring AI's
 * client, the resilience wrapper, grounding and the extractive fallback.
 */
class LlmAnswerPathTest {

    private static final String RENT = "The monthly rent is 1,200 euros. It is payable on the first day of each month.";
    private static final String PETS = "Pets are not allowed in the flat. Smoking is forbidden on the balcony.";

    private final UUID tenant = UUID.randomUUID();
    private final String tenantSlug = "tenant-" + tenant;
    private final AtomicReference<AnswerFeatures> features = new AtomicReference<>(AnswerFeatures.allOn());
    private static final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private static final LlmMetrics metrics = new LlmMetrics(meters, new TenantTags(1_000));
    private final List<RetrievedChunk> chunks = List.of(Chunks.text(RENT, 100, 0.9), Chunks.text(PETS, 500, 0.8));
    private static OpenAiProtocolServer server;
    private static OpenAiAnswerModel client;
    private ResilientAnswerModel model;
    private AnswerService answers;

    /**
     * One server and one client for the class, warmed up once: the first call of a fresh client loads the OpenAI SDK
     * (Kotlin, OkHttp), which on a busy build machine takes longer than the timeouts under test.
     */
    @BeforeAll
    static void startServer() throws Exception {
        server = new OpenAiProtocolServer();
        client = new OpenAiAnswerModel(properties(server.baseUrl()).llm(), metrics);
        server.script(n -> Reply.ok("Warm [C1]."));
        client.complete("warm-up", new LlmPrompt("system", "user"));
        client.stream("warm-up", new LlmPrompt("system", "user"), piece -> {});
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @BeforeEach
    void start() {
        server.reset();
        AnswerProperties properties = properties(server.baseUrl());
        model = new ResilientAnswerModel(client, properties.llm(), metrics);
        answers = new AnswerService(
                () -> (tenantId, request) -> chunks,
                new ExtractiveComposer(null, properties.composerSettings()),
                model,
                new InMemoryAnswerCache(),
                new InMemoryConversations(),
                properties,
                features::get);
    }

    @AfterEach
    void stop() {
        model.close();
    }

    static AnswerProperties properties(String baseUrl) {
        return new AnswerProperties(
                8,
                50,
                2000,
                100,
                3,
                new AnswerProperties.Extractive(5, 12, 0.3, 0.45, 0.25, 0.85, 400),
                new AnswerProperties.Cache(Duration.ofHours(1)),
                new AnswerProperties.Conversations(5),
                new AnswerProperties.Llm(
                        true,
                        URI.create(baseUrl),
                        "test-model",
                        "test-key",
                        Duration.ofMillis(1_500),
                        2,
                        Duration.ofMillis(50),
                        6,
                        0.6,
                        400,
                        0.0,
                        50,
                        4,
                        2,
                        Duration.ofSeconds(60)));
    }

    private Answer ask(String question) {
        return answers.answer(
                tenant,
                tenantSlug,
                "user-1",
                new AnswerQuery(question, List.of(), SearchFilters.none(), 8, RetrievalMode.HYBRID, null));
    }

    @Test
    void answersWithTheModelsSentencesEachCheckedAgainstItsCitation() {
        server.script(n -> Reply.ok("The monthly rent is 1,200 euros [C1]. Pets are not allowed in the flat [C2]."));

        Answer answer = ask("What is the rent and are pets allowed?");

        assertThat(answer.answerMode()).isEqualTo(AnswerMode.LLM);
        assertThat(answer.fallback()).isNull();
        assertThat(answer.answer()).isEqualTo("The monthly rent is 1,200 euros. Pets are not allowed in the flat.");
        assertThat(answer.citations()).hasSize(2);
        assertThat(answer.citations().get(1).quote()).isEqualTo("Pets are not allowed in the flat");
        assertThat(Quotes.allVerbatim(answer.citations(), chunks)).isTrue();
    }

    @Test
    void promptsWithOnlyTheRetrievedChunksDelimitedAndMarkedAsData() {
        server.script(n -> Reply.ok("The monthly rent is 1,200 euros [C1]."));

        ask("What is the rent?");

        var messages = server.requests().get(0).get("messages");
        assertThat(messages.get(0).get("role").asString()).isEqualTo("system");
        assertThat(messages.get(0).get("content").asString()).contains("data, not instructions");
        String user = messages.get(1).get("content").asString();
        assertThat(user)
                .contains("<document id=C1 title=\"Fixture\">\n" + RENT + "\n</document>")
                .contains("<document id=C2 title=\"Fixture\">\n" + PETS + "\n</document>")
                .doesNotContain("<document id=C3");
        assertThat(server.requests().get(0).get("model").asString()).isEqualTo("test-model");
    }

    @Test
    void dropsAndReportsASentenceWhoseCitedChunkDoesNotSupportIt() {
        server.script(n -> Reply.ok("Pets are not allowed in the flat [C1]. The monthly rent is 1,200 euros [C1]."));

        Answer answer = ask("What is the rent?");

        assertThat(answer.answer()).isEqualTo("The monthly rent is 1,200 euros.");
        assertThat(answer.unsupported())
                .extracting(Unsupported::text)
                .containsExactly("Pets are not allowed in the flat.");
    }

    @Test
    void returnsLinksAndImagesOfTheModelAsPlainText() {
        server.script(n -> Reply.ok("The monthly rent is [1,200 euros](https://evil.example/pay) [C1]. "
                + "![tracker](https://evil.example/t.png) Pay at <a href=\"https://evil.example\">our site</a> [C1]."));

        Answer answer = ask("What is the rent?");

        assertThat(answer.answer()).isEqualTo("The monthly rent is 1,200 euros.");
        assertThat(answer.toString())
                .doesNotContain("https://")
                .doesNotContain("<a")
                .doesNotContain("](");
    }

    @Test
    void fallsBackToTheExtractiveAnswerWhenTheModelIsTooSlow() {
        server.script(n -> Reply.slow("The monthly rent is 1,200 euros [C1].", 4_000));
        long started = System.nanoTime();

        Answer answer = ask("What is the monthly rent?");

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(3_500));
        assertThat(answer.answerMode()).isEqualTo(AnswerMode.EXTRACTIVE);
        assertThat(answer.fallback()).isEqualTo(new Fallback("LLM_TIMEOUT"));
        assertThat(answer.answer()).startsWith("The monthly rent is 1,200 euros.");
        assertThat(server.requestCount()).as("a timeout is not retried").isEqualTo(1);
        assertThat(calls("timeout")).isEqualTo(1);
        assertThat(calls("ok")).isZero();
    }

    @Test
    void retriesAServerErrorAndThenFallsBack() {
        server.script(n -> Reply.error(500));

        Answer answer = ask("What is the monthly rent?");

        assertThat(server.requestCount()).isEqualTo(2);
        assertThat(calls("error")).as("one per attempt").isEqualTo(2);
        assertThat(answer.fallback()).isEqualTo(new Fallback("LLM_UNAVAILABLE"));
        assertThat(answer.answerMode()).isEqualTo(AnswerMode.EXTRACTIVE);
        assertThat(Quotes.allVerbatim(answer.citations(), chunks)).isTrue();
    }

    @Test
    void retriesWhenRateLimitedAndUsesTheSecondReply() {
        server.script(n -> n == 1 ? Reply.error(429) : Reply.ok("The monthly rent is 1,200 euros [C1]."));

        Answer answer = ask("What is the monthly rent?");

        assertThat(server.requestCount()).isEqualTo(2);
        assertThat(answer.answerMode()).isEqualTo(AnswerMode.LLM);
    }

    @Test
    void stopsCallingAFailingModelOnceTheCircuitOpens() {
        server.script(n -> Reply.error(503));
        ask("What is the monthly rent?");
        ask("What is the monthly rent?");
        int callsBeforeOpen = server.requestCount();

        Answer answer = ask("What is the monthly rent?");

        assertThat(answer.fallback()).isEqualTo(new Fallback("LLM_CIRCUIT_OPEN"));
        assertThat(server.requestCount()).isEqualTo(callsBeforeOpen);
        assertThat(calls("rejected_by_breaker")).isEqualTo(1);
        assertThat(calls("error")).isEqualTo(callsBeforeOpen);
        assertThat(answer.answer()).isNotEmpty();
    }

    @Test
    void fallsBackWhenTheModelFindsNothingGrounded() {
        server.script(n -> Reply.ok(GroundedPrompts.NOT_FOUND));

        Answer answer = ask("What is the monthly rent?");

        assertThat(answer.fallback()).isEqualTo(new Fallback("LLM_UNGROUNDED"));
        assertThat(answer.answer()).startsWith("The monthly rent is 1,200 euros.");
    }

    @Test
    void streamsVerifiedSentencesOfTheModelAsTheyArrive() {
        server.script(n -> Reply.ok("The monthly rent is 1,200 euros. [C1] Pets are not allowed in the flat. [C2]"));
        Recorder recorder = new Recorder();

        answers.stream(
                tenant,
                tenantSlug,
                "user-1",
                new AnswerQuery("Rent and pets?", List.of(), SearchFilters.none(), 8, RetrievalMode.HYBRID, null),
                recorder);

        assertThat(server.requests().get(0).get("stream").asBoolean()).isTrue();
        assertThat(recorder.sentences)
                .containsExactly("The monthly rent is 1,200 euros.", "Pets are not allowed in the flat.");
        assertThat(recorder.done.answerMode()).isEqualTo(AnswerMode.LLM);
        assertThat(recorder.done.citations()).hasSize(2);
        assertThat(calls("ok")).isEqualTo(1);
        assertThat(tokens("prompt")).as("from the stream's last chunk").isEqualTo(10);
        assertThat(tokens("completion")).isEqualTo(5);
    }

    @Test
    void countsEachCallTheTokensItUsedAndItsTimeForTheAskingTenant() {
        server.script(n -> Reply.ok("The monthly rent is 1,200 euros [C1]."));

        ask("What is the rent?");
        ask("What is the rent now?");

        assertThat(calls("ok")).isEqualTo(2);
        assertThat(tokens("prompt")).isEqualTo(20);
        assertThat(tokens("completion")).isEqualTo(10);
        assertThat(meters.get("docmatrix.llm").tag("outcome", "ok").timer().count())
                .isGreaterThanOrEqualTo(2);
    }

    @Test
    void answersExtractivelyWithoutCallingTheModelWhileLlmAnswersAreSwitchedOff() {
        server.script(n -> Reply.ok("The monthly rent is 1,200 euros [C1]."));
        features.set(new AnswerFeatures(false, true));

        Answer off = ask("What is the rent?");
        features.set(new AnswerFeatures(true, true));
        Answer on = ask("What is the rent?");

        assertThat(off.answerMode()).isEqualTo(AnswerMode.EXTRACTIVE);
        assertThat(off.fallback()).as("switched off is no failure").isNull();
        assertThat(on.answerMode())
                .as("the cached extractive answer is not reused")
                .isEqualTo(AnswerMode.LLM);
        assertThat(server.requestCount()).isEqualTo(1);
    }

    @Test
    void servesRepeatedQuestionsFromTheCacheOnlyWhileTheAnswerCacheIsOn() {
        server.script(n -> Reply.ok("The monthly rent is 1,200 euros [C1]."));
        features.set(new AnswerFeatures(true, false));

        ask("What is the rent?");
        ask("What is the rent?");
        int uncached = server.requestCount();
        features.set(new AnswerFeatures(true, true));
        ask("What is the rent?");
        Answer repeated = ask("What is the rent?");

        assertThat(uncached).isEqualTo(2);
        assertThat(server.requestCount()).isEqualTo(3);
        assertThat(repeated.cached()).isTrue();
    }

    private double calls(String outcome) {
        Counter counter = meters.find("docmatrix.llm.calls")
                .tags("tenant", tenantSlug, "outcome", outcome)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    private double tokens(String kind) {
        Counter counter = meters.find("docmatrix.llm.tokens")
                .tags("tenant", tenantSlug, "kind", kind)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void streamsTheExtractiveAnswerWhenTheModelFails() {
        server.script(n -> Reply.error(500));
        Recorder recorder = new Recorder();

        answers.stream(
                tenant,
                tenantSlug,
                "user-1",
                new AnswerQuery(
                        "What is the monthly rent?", List.of(), SearchFilters.none(), 8, RetrievalMode.HYBRID, null),
                recorder);

        assertThat(recorder.done.fallback()).isEqualTo(new Fallback("LLM_UNAVAILABLE"));
        assertThat(recorder.sentences).isNotEmpty().first().isEqualTo("The monthly rent is 1,200 euros.");
    }

    private static final class Recorder implements AnswerListener {
        final List<String> sentences = new ArrayList<>();
        Answer done;

        @Override
        public void sentence(AnswerSentence sentence, Citation citation, boolean newCitation) {
            sentences.add(sentence.text());
        }

        @Override
        public void reset() {
            sentences.clear();
        }

        @Override
        public void done(Answer answer) {
            done = answer;
        }
    }
}
