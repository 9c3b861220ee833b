package io.docmatrix.analysis.config;

import io.docmatrix.analysis.clause.ClauseAgent;
import io.docmatrix.analysis.clause.ClauseCategories;
import io.docmatrix.analysis.clause.ClauseExemplarLearning;
import io.docmatrix.analysis.clause.ClauseExemplarRepository;
import io.docmatrix.analysis.clause.ClauseScoring;
import io.docmatrix.analysis.facts.KeyFactAgent;
import io.docmatrix.embedding.EmbeddingModel;
import io.docmatrix.embedding.InProcessModel;
import io.docmatrix.embedding.OnnxEmbeddingModel;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The clause and key-fact agents. The embedding model runs in-process (the same model ingestion embeds chunks with),
 * so exemplars and chunks share one vector space; the agent embeds its built-in exemplars once, at startup.
 */
@Configuration(proxyBeanMethods = false)
class ClauseConfiguration {

    @Bean(destroyMethod = "close")
    OnnxEmbeddingModel embeddingModel(ClauseProperties properties) {
        return new OnnxEmbeddingModel(InProcessModel.byId(properties.model()), properties.threads());
    }

    @Bean
    ClauseAgent clauseAgent(EmbeddingModel model, ClauseExemplarRepository exemplars, ClauseProperties properties) {
        ClauseScoring defaults = ClauseScoring.defaults();
        return new ClauseAgent(
                model,
                exemplars,
                ClauseCategories.builtIn(),
                new ClauseScoring(
                        properties.cueBonus(),
                        properties.chunkWeight(),
                        defaults.candidateMargin(),
                        properties.candidateChunks(),
                        properties.maxSentences(),
                        properties.maxMatchesPerCategory(),
                        defaults.confidenceScale()));
    }

    @Bean
    ClauseExemplarLearning clauseExemplarLearning(
            EmbeddingModel model, ClauseExemplarRepository exemplars, ClauseProperties properties) {
        return new ClauseExemplarLearning(model, exemplars, ClauseCategories.builtIn(), properties.maxBatch());
    }

    @Bean
    KeyFactAgent keyFactAgent() {
        return new KeyFactAgent();
    }
}
