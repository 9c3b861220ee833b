package io.docmatrix.query.answer;

import io.docmatrix.embedding.EmbeddingModel;
import io.docmatrix.query.answer.llm.OpenAiAnswerModel;
import io.docmatrix.query.answer.llm.ResilientAnswerModel;
import io.docmatrix.query.retrieval.Retriever;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the answer feature. The language model exists only when {@code query.answers.llm.enabled} is true; without it
 * answers are extractive and nothing of Spring AI is created. The sentence embedder is the service's embedding model
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
            AnswerProperties properties) {
        return new AnswerService(
                retrievers::getIfAvailable,
                new ExtractiveComposer(embeddings.getIfUnique(), properties.composerSettings()),
                models.getIfAvailable(),
                cache,
                conversations,
                properties);
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(name = "query.answers.llm.enabled", havingValue = "true")
    ResilientAnswerModel answerModel(AnswerProperties properties) {
        return new ResilientAnswerModel(new OpenAiAnswerModel(properties.llm()), properties.llm());
    }
}
