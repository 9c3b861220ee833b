package io.docmatrix.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class TopicsTest {

    @Test
    void everyTopicNameIsDomainStreamAndMajorVersion() {
        var topics = Topics.all();

        assertThat(topics).isNotEmpty().allSatisfy(topic -> assertThat(topic).matches("^[a-z]+\\.[a-z-]+\\.v[0-9]+$"));
    }

    @Test
    void allListsEveryTopicConstantOnce() {
        var constants = Arrays.stream(Topics.class.getDeclaredFields())
                .filter(field -> Modifier.isPublic(field.getModifiers()) && Modifier.isStatic(field.getModifiers()))
                .map(TopicsTest::value)
                .toList();

        var all = Topics.all();

        assertThat(all).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(constants);
    }

    @Test
    void everyCatalogueTopicIsListedAndCarriesEvents() {
        var catalogueTopics = EventCatalog.entries().stream()
                .map(EventCatalog.Entry::topic)
                .distinct()
                .toList();

        var all = Topics.all();

        assertThat(all).containsExactlyInAnyOrderElementsOf(catalogueTopics);
    }

    @Test
    void retryTopicBelongsToTheConsumingService() {
        String retry = Topics.retryTopic(Topics.DOCUMENTS_CHUNKS, "query-service");

        assertThat(retry).isEqualTo("documents.chunks.v1.query-service.retry");
    }

    @Test
    void deadLetterTopicBelongsToTheConsumingService() {
        String deadLetter = Topics.deadLetterTopic(Topics.DOCUMENTS_LIFECYCLE, "analysis-service");

        assertThat(deadLetter).isEqualTo("documents.lifecycle.v1.analysis-service.dlt");
    }

    @Test
    void refusesRetryTopicsForTopicsOutsideTheCatalogue() {
        String notATopic = "documents.chunks.v1.query-service.retry";

        assertThatIllegalArgumentException()
                .isThrownBy(() -> Topics.retryTopic(notATopic, "query-service"))
                .withMessageContaining("not a catalogue topic");
    }

    @Test
    void refusesDeadLetterTopicsForMalformedServiceNames() {
        String service = "Query Service";

        assertThatIllegalArgumentException()
                .isThrownBy(() -> Topics.deadLetterTopic(Topics.DOCUMENTS_CHUNKS, service))
                .withMessageContaining("lower-case service name");
    }

    private static String value(Field field) {
        try {
            return (String) field.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
