package io.docmatrix.ingestion.config;

import io.docmatrix.contracts.Topics;
import io.docmatrix.runtime.kafka.OwnedTopics;
import io.docmatrix.runtime.kafka.TopicSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * ingestion-service is the single writer of the document lifecycle and chunk topics, and owns the dead-letter topic of
 * the upload topic it consumes, so it creates them.
 */
@Configuration(proxyBeanMethods = false)
class KafkaTopicsConfiguration {

    @Bean
    OwnedTopics ownedTopics(TopicSettings settings) {
        return settings.owned(Topics.DOCUMENTS_LIFECYCLE, Topics.DOCUMENTS_CHUNKS);
    }

    @Bean
    OwnedTopics deadLetterTopics(TopicSettings settings) {
        return settings.deadLetters("ingestion-service", Topics.DOCUMENTS_UPLOADS);
    }
}
