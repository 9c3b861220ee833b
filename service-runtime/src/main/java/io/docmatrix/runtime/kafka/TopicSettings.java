package io.docmatrix.runtime.kafka;

import io.docmatrix.contracts.Topics;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.Arrays;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.validation.annotation.Validated;

/**
 * Partitions and replicas for the topics a service writes. Partitions bound how many consumer instances can share a
 * topic, so the default leaves room to scale out; the single writer creates its topics, readers never do.
 */
@Validated
@ConfigurationProperties("docmatrix.kafka.topics")
public record TopicSettings(
        @DefaultValue("6") @Min(1) @Max(1000) int partitions,
        @DefaultValue("1") @Min(1) @Max(7) short replicationFactor) {

    /** The topics this service owns, created in the background by {@link OwnedTopicsProvisioner}. */
    public OwnedTopics owned(String... topics) {
        return new OwnedTopics(Arrays.stream(topics).map(this::topic).toList());
    }

    /**
     * The dead-letter topics a consuming service owns for the topics it reads: {@code <topic>.<service>.dlt} (see
     * {@link Topics#deadLetterTopic}). The consumer is the single writer of its DLTs, so it creates them.
     *
     * @param service the consuming service's name ({@code spring.application.name})
     * @param sourceTopics the catalogue topics the service consumes
     */
    public OwnedTopics deadLetters(String service, String... sourceTopics) {
        return new OwnedTopics(Arrays.stream(sourceTopics)
                .map(topic -> topic(Topics.deadLetterTopic(topic, service)))
                .toList());
    }

    private NewTopic topic(String name) {
        return TopicBuilder.name(name)
                .partitions(partitions)
                .replicas(replicationFactor)
                .build();
    }
}
