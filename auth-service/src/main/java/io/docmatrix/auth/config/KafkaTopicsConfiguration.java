package io.docmatrix.auth.config;

import io.docmatrix.contracts.Topics;
import io.docmatrix.runtime.kafka.OwnedTopics;
import io.docmatrix.runtime.kafka.TopicSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** auth-service is the single writer of the audit topic, so it creates it. */
@Configuration(proxyBeanMethods = false)
class KafkaTopicsConfiguration {

    @Bean
    OwnedTopics ownedTopics(TopicSettings settings) {
        return settings.owned(Topics.IDENTITY_AUDIT);
    }
}
