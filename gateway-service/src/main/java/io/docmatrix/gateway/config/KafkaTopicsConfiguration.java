package io.docmatrix.gateway.config;

import io.docmatrix.contracts.Topics;
import io.docmatrix.runtime.kafka.OwnedTopics;
import io.docmatrix.runtime.kafka.TopicSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The gateway accepts uploads and is the single writer of the upload topic, so it creates it. */
@Configuration(proxyBeanMethods = false)
class KafkaTopicsConfiguration {

    @Bean
    OwnedTopics ownedTopics(TopicSettings settings) {
        return settings.owned(Topics.DOCUMENTS_UPLOADS);
    }

    /** The gateway reads document deletions, so the dead-letter topic of that subscription is its own. */
    @Bean
    OwnedTopics deadLetterTopics(TopicSettings settings) {
        return settings.deadLetters("gateway-service", Topics.DOCUMENTS_LIFECYCLE);
    }
}
