package io.docmatrix.query.answer;

import io.docmatrix.embedding.EmbeddingModel;
import io.docmatrix.query.answer.llm.LlmMetrics;
import io.docmatrix.query.answer.llm.OpenAiAnswerModel;
import io.docmatrix.query.answer.llm.ResilientAnswerModel;
import io.docmatrix.query.retrieval.Retriever;
import io.docmatrix.runtime.config.FeatureFlags;
import io.docmatrix.runtime.config.RefreshableProperties;
import io.docmatrix.runtime.observability.TenantTags;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.validation.Validator;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Wires the answer feature. The language model exists only when {@code query.answers.llm.enabled} is true; without it
 * answers are extractive and nothing of Spring AI is created; with it, the refreshable flag {@code
 * query.features.llm-answers} decides per question whether it is asked. The sentence embedder is the service's embedding model
 * when there is exactly one (the one questions are embedded with for retrieval); without it ranking is lexical.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AnswerProperties.class)
class AnswerConfiguration {

    @Bean
    AnswerService answerService(
            ObjectProvider<Retriever> retrievers,
            ObjectProvider<EmbeddingModel> embeddings,
            ObjectProvider<AnswerModel> models,
            AnswerCache cache,
            Conversations conversations,
            AnswerProperties properties,
            RefreshableProperties<AnswerFeatures> features) {
        return new AnswerService(
                retrievers::getIfAvailable,
                new ExtractiveComposer(embeddings.getIfUnique(), properties.composerSettings()),
                models.getIfAvailable(),
                cache,
                conversations,
                properties,
                features);
    }

    /** {@code query.features.*}: rebound by {@code /actuator/refresh}, shown at {@code /actuator/flags}. */
    @Bean
    RefreshableProperties<AnswerFeatures> answerFeatures(ConfigurableEnvironment environment, Validator validator) {
        return new RefreshableProperties<>(AnswerFeatures.PREFIX, AnswerFeatures.class, environment, validator);
    }

    @Bean
    FeatureFlags answerFeatureFlags(RefreshableProperties<AnswerFeatures> features) {
        return FeatureFlags.of(features);
    }

    @Bean
    LlmMetrics llmMetrics(MeterRegistry meters, TenantTags tenantTags) {
        return new LlmMetrics(meters, tenantTags);
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(name = "query.answers.llm.enabled", havingValue = "true")
    ResilientAnswerModel answerModel(AnswerProperties properties, LlmMetrics metrics) {
        return new ResilientAnswerModel(new OpenAiAnswerModel(properties.llm(), metrics), properties.llm(), metrics);
    }
}
