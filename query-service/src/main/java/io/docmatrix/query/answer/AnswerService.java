package io.docmatrix.query.answer;

import io.docmatrix.query.retrieval.RetrievedChunk;
import io.docmatrix.query.retrieval.Retriever;
import io.docmatrix.query.retrieval.SearchRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers a caller's question over the caller's documents: resolves the conversation, serves the cache, retrieves,
 * composes (with the language model when one is configured, extractively otherwise or when it fails), verifies
 * every citation against its chunk, and records the turn.
 */
public class AnswerService {

    private static final Logger log = LoggerFactory.getLogger(AnswerService.class);

    private final Supplier<@Nullable Retriever> retriever;
    private final ExtractiveComposer composer;
    private final @Nullable AnswerModel model;
    private final ModelAnswers modelAnswers;
    private final AnswerCache cache;
    private final Conversations conversations;
    private final AnswerProperties properties;
    private final Supplier<AnswerFeatures> features;

    public AnswerService(
            Supplier<@Nullable Retriever> retriever,
            ExtractiveComposer composer,
            @Nullable AnswerModel model,
            AnswerCache cache,
            Conversations conversations,
            AnswerProperties properties) {
        this(retriever, composer, model, cache, conversations, properties, AnswerFeatures::allOn);
    }

    /** @param features read per question, so a refreshed flag applies to the next one */
    public AnswerService(
            Supplier<@Nullable Retriever> retriever,
            ExtractiveComposer composer,
            @Nullable AnswerModel model,
            AnswerCache cache,
            Conversations conversations,
            AnswerProperties properties,
            Supplier<AnswerFeatures> features) {
        this.features = features;
        this.retriever = retriever;
        this.composer = composer;
        this.model = model;
        this.modelAnswers = new ModelAnswers(properties.llm().minSupport());
        this.cache = cache;
        this.conversations = conversations;
        this.properties = properties;
    }

    /**
     * The answer, whole.
     *
     * @param tenant the tenant's slug, for the language model's metrics
     */
    public Answer answer(UUID tenantId, String tenant, String subject, AnswerQuery query) {
        Prepared prepared = prepare(tenantId, subject, query);
        if (prepared.cached() != null) {
            return finish(tenantId, subject, query, prepared, prepared.cached(), true);
        }
        AnswerModel model = activeModel();
        Answer answer = model == null ? extractive(prepared, null) : withModel(model, tenant, prepared);
        return finish(tenantId, subject, query, prepared, answer, false);
    }

    /** The answer sentence by sentence as each is verified, then whole. */
    public void stream(UUID tenantId, String tenant, String subject, AnswerQuery query, AnswerListener listener) {
        prepareStream(tenantId, tenant, subject, query).stream(listener);
    }

    /**
     * Everything of a streamed answer that can fail as a whole (the conversation, the question, retrieval) done now,
     * so the caller can refuse the request before a stream starts; composing follows when the stream is opened.
     */
    public PendingAnswer prepareStream(UUID tenantId, String tenant, String subject, AnswerQuery query) {
        Prepared prepared = prepare(tenantId, subject, query);
        return listener -> {
            if (prepared.cached() != null) {
                replay(prepared.cached(), listener);
                listener.done(finish(tenantId, subject, query, prepared, prepared.cached(), true));
                return;
            }
            Answer answer;
            AnswerModel model = activeModel();
            if (model == null) {
                answer = extractive(prepared, null);
                replay(answer, listener);
            } else {
                answer = streamWithModel(model, tenant, prepared, listener);
            }
            listener.done(finish(tenantId, subject, query, prepared, answer, false));
        };
    }

    /** A prepared answer, composed and sent to a listener when the stream opens. */
    @FunctionalInterface
    public interface PendingAnswer {
        void stream(AnswerListener listener);
    }

    /** What every answer needs before composing: the conversation, the retrieval question, the cache, the chunks. */
    private record Prepared(
            AnswerQuery query,
            List<Turn> turns,
            String retrievalQuestion,
            String cacheKey,
            long cacheGeneration,
            @Nullable Answer cached,
            List<RetrievedChunk> chunks) {}

    private Prepared prepare(UUID tenantId, String subject, AnswerQuery query) {
        List<Turn> turns = List.of();
        if (query.conversationId() != null) {
            turns = conversations
                    .recent(
                            tenantId,
                            subject,
                            query.conversationId(),
                            properties.conversations().turns())
                    .orElseThrow(ConversationNotFoundException::new);
        }
        String retrievalQuestion = FollowUps.expand(query.question(), turns);
        String key = CacheKeys.of(query, composition());
        // a conversation's answer depends on its turns, so conversations bypass the cache
        boolean cacheable = features.get().answerCache() && query.useCache() && query.conversationId() == null;
        long generation = -1;
        if (cacheable) {
            AnswerCache.Lookup lookup = cache.find(tenantId, key);
            if (lookup.answer().isPresent()) {
                return new Prepared(
                        query,
                        turns,
                        retrievalQuestion,
                        key,
                        lookup.generation(),
                        lookup.answer().get(),
                        List.of());
            }
            generation = lookup.generation();
        }
        Retriever found = retriever.get();
        if (found == null) {
            throw new RetrievalUnavailableException();
        }
        List<RetrievedChunk> chunks = found.retrieve(
                tenantId,
                new SearchRequest(retrievalQuestion, query.documentIds(), query.filters(), query.topK(), query.mode()));
        return new Prepared(query, turns, retrievalQuestion, key, generation, null, chunks);
    }

    private String composition() {
        return (activeModel() == null ? "extractive" : "llm:" + properties.llm().model()) + ":"
                + properties.maxSentences();
    }

    /** The language model when one is configured and the {@code llm-answers} flag is on. */
    private @Nullable AnswerModel activeModel() {
        return features.get().llmAnswers() ? model : null;
    }

    private Answer extractive(Prepared prepared, @Nullable Fallback fallback) {
        return extractive(prepared, fallback, List.of());
    }

    private Answer extractive(Prepared prepared, @Nullable Fallback fallback, List<Unsupported> unsupported) {
        Grounded grounded = composer.compose(prepared.retrievalQuestion(), prepared.chunks());
        return answer(grounded, prepared, AnswerMode.EXTRACTIVE, fallback, unsupported);
    }

    private Answer withModel(AnswerModel model, String tenant, Prepared prepared) {
        if (prepared.chunks().isEmpty()) {
            return extractive(prepared, null); // nothing to ground a model's answer in: don't ask it
        }
        List<RetrievedChunk> context = context(prepared);
        LlmPrompt prompt = GroundedPrompts.build(
                prepared.query().question(), context, prepared.turns(), properties.maxSentences());
        String reply;
        try {
            reply = model.complete(tenant, prompt);
        } catch (AnswerModelException e) {
            log.warn("Answering extractively: the language model failed ({}): {}", e.reason(), e.getMessage());
            return extractive(prepared, new Fallback(e.reason()));
        }
        Grounded grounded = new Grounded();
        modelAnswers.ground(reply, context, grounded);
        if (grounded.isEmpty()) {
            return extractive(prepared, new Fallback("LLM_UNGROUNDED"), grounded.unsupported());
        }
        return answer(grounded, prepared, AnswerMode.LLM, null, grounded.unsupported());
    }

    private Answer streamWithModel(AnswerModel model, String tenant, Prepared prepared, AnswerListener listener) {
        if (prepared.chunks().isEmpty()) {
            Answer answer = extractive(prepared, null);
            replay(answer, listener);
            return answer;
        }
        List<RetrievedChunk> context = context(prepared);
        LlmPrompt prompt = GroundedPrompts.build(
                prepared.query().question(), context, prepared.turns(), properties.maxSentences());
        Grounded grounded = new Grounded();
        StreamingClaims claims = new StreamingClaims();
        boolean[] sent = {false};
        try {
            model.stream(tenant, prompt, piece -> {
                for (ModelAnswers.Claim claim : claims.accept(piece)) {
                    sent[0] |= groundAndSend(claim, context, grounded, listener);
                }
            });
            for (ModelAnswers.Claim claim : claims.finish()) {
                sent[0] |= groundAndSend(claim, context, grounded, listener);
            }
        } catch (AnswerModelException e) {
            log.warn("Answering extractively: the language model failed ({}): {}", e.reason(), e.getMessage());
            if (sent[0]) {
                listener.reset();
            }
            Answer answer = extractive(prepared, new Fallback(e.reason()));
            replay(answer, listener);
            return answer;
        }
        if (grounded.isEmpty()) {
            Answer answer = extractive(prepared, new Fallback("LLM_UNGROUNDED"), grounded.unsupported());
            replay(answer, listener);
            return answer;
        }
        return answer(grounded, prepared, AnswerMode.LLM, null, grounded.unsupported());
    }

    private boolean groundAndSend(
            ModelAnswers.Claim claim, List<RetrievedChunk> context, Grounded grounded, AnswerListener listener) {
        if (grounded.sentences().size() >= properties.maxSentences()) {
            return false;
        }
        int known = grounded.citations().size();
        AnswerSentence sentence = modelAnswers.ground(claim, context, grounded);
        if (sentence == null) {
            return false;
        }
        Citation citation = grounded.citations().get(sentence.citation());
        if (!Quotes.allVerbatim(List.of(citation), context)) {
            throw new IllegalStateException("a citation does not quote its chunk");
        }
        listener.sentence(sentence, citation, sentence.citation() >= known);
        return true;
    }

    private List<RetrievedChunk> context(Prepared prepared) {
        return prepared.chunks()
                .subList(
                        0,
                        Math.min(
                                properties.llm().contextChunks(),
                                prepared.chunks().size()));
    }

    private Answer answer(
            Grounded grounded,
            Prepared prepared,
            AnswerMode mode,
            @Nullable Fallback fallback,
            List<Unsupported> unsupported) {
        List<AnswerSentence> sentences = grounded.sentences();
        if (sentences.size() > properties.maxSentences()) {
            sentences = sentences.subList(0, properties.maxSentences());
        }
        List<Citation> citations = grounded.citations();
        // the last line of defence: a citation that does not quote its chunk verbatim never leaves the service
        if (!Quotes.allVerbatim(citations, prepared.chunks())) {
            throw new IllegalStateException("a citation does not quote its chunk");
        }
        // keep only the citations the kept sentences use, renumbered in order of first use
        List<Citation> used = new ArrayList<>();
        List<AnswerSentence> renumbered = new ArrayList<>();
        for (AnswerSentence sentence : sentences) {
            Citation citation = citations.get(sentence.citation());
            int index = used.indexOf(citation);
            if (index < 0) {
                used.add(citation);
                index = used.size() - 1;
            }
            renumbered.add(new AnswerSentence(sentence.text(), index));
        }
        String text =
                String.join(" ", renumbered.stream().map(AnswerSentence::text).toList());
        return new Answer(text, used, renumbered, prepared.query().mode(), mode, fallback, null, false, unsupported);
    }

    private static void replay(Answer answer, AnswerListener listener) {
        boolean[] seen = new boolean[answer.citations().size()];
        for (AnswerSentence sentence : answer.sentences()) {
            boolean first = !seen[sentence.citation()];
            seen[sentence.citation()] = true;
            listener.sentence(sentence, answer.citations().get(sentence.citation()), first);
        }
    }

    private Answer finish(
            UUID tenantId, String subject, AnswerQuery query, Prepared prepared, Answer answer, boolean fromCache) {
        if (!fromCache
                && features.get().answerCache()
                && query.useCache()
                && query.conversationId() == null
                && answer.fallback() == null) {
            // a fallback answer is not cached: the model may be back for the next caller
            cache.put(tenantId, prepared.cacheKey(), query.documentIds(), answer, prepared.cacheGeneration());
        }
        UUID conversation =
                query.conversationId() != null ? query.conversationId() : conversations.start(tenantId, subject);
        conversations.append(
                tenantId,
                subject,
                conversation,
                new Turn(query.question(), answer.answer()),
                properties.conversations().turns());
        return answer.inConversation(conversation, fromCache);
    }
}
