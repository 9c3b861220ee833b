package io.docmatrix.query.answer;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of {@code POST /api/v1/query}.
 *
 * @param defaultTopK chunks retrieved when a request names none
 * @param maxTopK the most chunks a request may ask for
 * @param maxQuestionChars longer questions are refused with {@code QUESTION_TOO_LONG}
 * @param maxDocumentIds the most document ids one request may name
 * @param maxSentences the most sentences of an answer, extractive or LLM
 */
@Validated
@ConfigurationProperties("query.answers")
public record AnswerProperties(
        @DefaultValue("8") @Min(1) @Max(200) int defaultTopK,
        @DefaultValue("50") @Min(1) @Max(200) int maxTopK,
        @DefaultValue("2000") @Min(10) int maxQuestionChars,
        @DefaultValue("100") @Min(1) int maxDocumentIds,
        @DefaultValue("3") @Min(1) @Max(10) int maxSentences,
        @DefaultValue @Valid Extractive extractive,
        @DefaultValue @Valid Cache cache,
        @DefaultValue @Valid Conversations conversations,
        @DefaultValue @Valid Llm llm) {

    /**
     * @param candidateChunks candidate sentences come from this many top chunks
     * @param maxEmbeddedSentences at most this many candidates are embedded per question (about 10 ms each); 6, not
     *     12: on both dev sets containment did not change (XQuAD 0.853 at 12, 0.859 at 6; COVID-QA 0.544 and 0.548)
     *     while the extractive answer's CPU halved (docs/benchmarks/profile.md)
     * @param followRatio a second or third sentence is added only when it scores at least this fraction of the best
     * @param maxSentenceChars longer sentences are cut to their most relevant window
     */
    public record Extractive(
            @DefaultValue("5") @Min(1) int candidateChunks,
            @DefaultValue("6") @Min(0) int maxEmbeddedSentences,
            @DefaultValue("0.3") @DecimalMin("0") double retrievalWeight,
            @DefaultValue("0.45") @DecimalMin("0") double lexicalWeight,
            @DefaultValue("0.25") @DecimalMin("0") double semanticWeight,
            @DefaultValue("0.85") @DecimalMin("0") @DecimalMax("1") double followRatio,
            @DefaultValue("400") @Min(80) int maxSentenceChars) {}

    /**
     * @param ttl answers older than this are recomputed even if no document changed (whether answers are cached at all
     *     is the refreshable flag {@code query.features.answer-cache})
     */
    public record Cache(@DefaultValue("1h") @NotNull Duration ttl) {}

    /** @param turns how many recent turns a conversation keeps (and the LLM sees) */
    public record Conversations(@DefaultValue("5") @Min(1) @Max(50) int turns) {}

    /**
     * An OpenAI-compatible chat endpoint (OpenAI, Azure OpenAI, Ollama, vLLM); off unless {@code enabled}.
     *
     * @param baseUrl e.g. {@code https://api.openai.com/v1} or Ollama's {@code http://127.0.0.1:11434/v1}
     * @param apiKey from the environment ({@code DOCMATRIX_LLM_API_KEY}), never from the repository
     * @param timeout one attempt is abandoned after this long (then retried or answered extractively)
     * @param maxAttempts attempts per question for timeouts excluded: 5xx, 429 and I/O errors are retried
     * @param contextChunks how many top chunks the model sees
     * @param minSupport share of a model sentence's content terms its cited chunk must contain
     * @param failureRate percentage of failed calls (in the last {@code window}) that opens the circuit
     * @param openFor how long an open circuit answers extractively without calling the model
     */
    public record Llm(
            @DefaultValue("false") boolean enabled,
            @DefaultValue("http://127.0.0.1:11434/v1") @NotNull URI baseUrl,
            @DefaultValue("gpt-4o-mini") @NotBlank String model,
            @Nullable String apiKey,
            @DefaultValue("20s") @NotNull Duration timeout,
            @DefaultValue("2") @Min(1) @Max(5) int maxAttempts,
            @DefaultValue("300ms") @NotNull Duration backoff,
            @DefaultValue("6") @Min(1) @Max(20) int contextChunks,
            @DefaultValue("0.6") @DecimalMin("0") @DecimalMax("1") double minSupport,
            @DefaultValue("400") @Min(16) int maxTokens,
            @DefaultValue("0.0") @DecimalMin("0") @DecimalMax("2") double temperature,
            @DefaultValue("50") @Min(1) @Max(100) int failureRate,
            @DefaultValue("10") @Min(2) int window,
            @DefaultValue("4") @Min(1) int minimumCalls,
            @DefaultValue("30s") @NotNull Duration openFor) {}

    ExtractiveComposer.Settings composerSettings() {
        return new ExtractiveComposer.Settings(
                maxSentences,
                extractive.candidateChunks(),
                extractive.maxEmbeddedSentences(),
                extractive.retrievalWeight(),
                extractive.lexicalWeight(),
                extractive.semanticWeight(),
                extractive.followRatio(),
                extractive.maxSentenceChars());
    }
}
