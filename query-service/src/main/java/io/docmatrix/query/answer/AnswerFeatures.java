package io.docmatrix.query.answer;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Feature flags of the answer path ({@code query.features.*}), refreshable without a restart.
 *
 * @param llmAnswers answers are written by the language model when one is configured ({@code query.answers.llm});
 *     off, every answer is extractive and the model is not called (e.g. while a provider has an outage or a tenant's
 *     cost must stop at once)
 * @param answerCache repeated questions over unchanged documents are served from the answer cache; off, every
 *     question is answered afresh and nothing is cached
 */
public record AnswerFeatures(@DefaultValue("true") boolean llmAnswers, @DefaultValue("true") boolean answerCache) {

    public static final String PREFIX = "query.features";

    public static AnswerFeatures allOn() {
        return new AnswerFeatures(true, true);
    }
}
