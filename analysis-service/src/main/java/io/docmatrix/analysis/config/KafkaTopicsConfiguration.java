package io.docmatrix.analysis.config;

import io.docmatrix.contracts.Topics;
import io.docmatrix.runtime.kafka.OwnedTopics;
import io.docmatrix.runtime.kafka.TopicSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * analysis-service is the single writer of the analysis results topic, and owns the dead-letter topics of the chunk
 * and lifecycle topics it consumes, so it creates them.
 */
@Configuration(proxyBeanMethods = false)
class KafkaTopicsConfiguration {

    @Bean
    OwnedTopics ownedTopics(TopicSettings settings) {
        return settings.owned(Topics.ANALYSIS_RESULTS);
    }

    @Bean
    OwnedTopics deadLetterTopics(TopicSettings settings) {
        return settings.deadLetters("analysis-service", Topics.DOCUMENTS_CHUNKS, Topics.DOCUMENTS_LIFECYCLE);
    }
}
