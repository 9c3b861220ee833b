package io.docmatrix.query.config;

import io.docmatrix.contracts.Topics;
import io.docmatrix.runtime.kafka.OwnedTopics;
import io.docmatrix.runtime.kafka.TopicSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** query-service writes no stream, but owns the dead-letter topics of the three it projects, so it creates them. */
@Configuration(proxyBeanMethods = false)
class KafkaTopicsConfiguration {

    @Bean
    OwnedTopics deadLetterTopics(TopicSettings settings) {
        return settings.deadLetters(
                "query-service", Topics.DOCUMENTS_LIFECYCLE, Topics.DOCUMENTS_CHUNKS, Topics.ANALYSIS_RESULTS);
    }
}
