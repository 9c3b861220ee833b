package io.docmatrix.ingestion.config;

import io.docmatrix.contracts.Topics;
import io.docmatrix.runtime.kafka.OwnedTopics;
import io.docmatrix.runtime.kafka.TopicSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** ingestion-service is the single writer of the document lifecycle and chunk topics, so it creates them. */
@Configuration(proxyBeanMethods = false)
class KafkaTopicsConfiguration {

    @Bean
    OwnedTopics ownedTopics(TopicSettings settings) {
        return settings.owned(Topics.DOCUMENTS_LIFECYCLE, Topics.DOCUMENTS_CHUNKS);
    }
}
