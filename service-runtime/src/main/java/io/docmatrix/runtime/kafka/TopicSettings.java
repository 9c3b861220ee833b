package io.docmatrix.runtime.kafka;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.Arrays;
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
        return new OwnedTopics(Arrays.stream(topics)
                .map(name -> TopicBuilder.name(name)
                        .partitions(partitions)
                        .replicas(replicationFactor)
                        .build())
                .toList());
    }
}
