package io.docmatrix.query.config;

import io.docmatrix.embedding.EmbeddingModel;
import io.docmatrix.embedding.InProcessModel;
import io.docmatrix.embedding.OnnxEmbeddingModel;
import io.docmatrix.query.retrieval.QuestionEmbedder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The in-process question embedder, built like ingestion's chunk embedder (embedding-model module). */
@Configuration(proxyBeanMethods = false)
class EmbeddingConfiguration {

    static final String BGE_QUERY_INSTRUCTION = "Represent this sentence for searching relevant passages: ";

    @Bean(destroyMethod = "close")
    OnnxEmbeddingModel questionEmbeddingModel(EmbeddingProperties properties) {
        return new OnnxEmbeddingModel(InProcessModel.byId(properties.model()), properties.threads());
    }

    @Bean
    QuestionEmbedder questionEmbedder(EmbeddingModel questionEmbeddingModel, EmbeddingProperties properties) {
        String instruction = properties.questionInstruction() != null
                ? properties.questionInstruction()
                : properties.model().startsWith("bge-") ? BGE_QUERY_INSTRUCTION : "";
        return new QuestionEmbedder(questionEmbeddingModel, instruction);
    }
}
