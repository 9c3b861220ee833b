package io.docmatrix.runtime.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.docmatrix.contracts.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

class TopicSettingsTest {

    @Test
    void declaresTheConsumersDeadLetterTopicsWithTheServiceSettings() {
        TopicSettings settings = new TopicSettings(6, (short) 1);

        OwnedTopics deadLetters =
                settings.deadLetters("query-service", Topics.DOCUMENTS_CHUNKS, Topics.ANALYSIS_RESULTS);

        assertThat(deadLetters.topics())
                .extracting(NewTopic::name)
                .containsExactly("documents.chunks.v1.query-service.dlt", "analysis.results.v1.query-service.dlt");
        assertThat(deadLetters.topics())
                .allSatisfy(topic -> assertThat(topic.numPartitions()).isEqualTo(6));
    }
}
