package io.docmatrix.contracts;

import static java.util.stream.Collectors.groupingBy;
import static java.util.stream.Collectors.mapping;
import static java.util.stream.Collectors.toSet;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.docmatrix.contracts.analysis.AnalysisEvent;
import io.docmatrix.contracts.audit.AuditEvent;
import io.docmatrix.contracts.chunk.ChunkEvent;
import io.docmatrix.contracts.document.DocumentLifecycleEvent;
import io.docmatrix.contracts.upload.UploadEvent;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class EventCatalogTest {

    /** The sealed interface of each stream, by the topic it travels on. */
    private static final Map<String, Class<? extends DomainEvent>> STREAMS = Map.of(
            Topics.DOCUMENTS_UPLOADS, UploadEvent.class,
            Topics.DOCUMENTS_LIFECYCLE, DocumentLifecycleEvent.class,
            Topics.DOCUMENTS_CHUNKS, ChunkEvent.class,
            Topics.ANALYSIS_RESULTS, AnalysisEvent.class,
            Topics.IDENTITY_AUDIT, AuditEvent.class);

    static Stream<Arguments> entries() {
        return EventCatalog.entries().stream().map(entry -> Arguments.of(Named.of(entry.type(), entry)));
    }

    @ParameterizedTest
    @MethodSource("entries")
    void typeStringNamesTheDomainAndMajorVersionOfItsTopicAndTheRecord(EventCatalog.Entry entry) {
        String[] topic = entry.topic().split("\\.");

        String expected = "io.docmatrix." + topic[0] + "." + entry.eventClass().getSimpleName() + "." + topic[2];

        assertThat(entry.type()).isEqualTo(expected);
    }

    @ParameterizedTest
    @MethodSource("entries")
    void findsTheEntryByTypeAndByClass(EventCatalog.Entry entry) {
        var byType = EventCatalog.findByType(entry.type());
        var byClass = EventCatalog.findByClass(entry.eventClass());

        assertThat(byType).contains(entry);
        assertThat(byClass).contains(entry);
    }

    @ParameterizedTest
    @MethodSource("entries")
    void eventTravelsOnTheTopicOfItsStream(EventCatalog.Entry entry) {
        Class<? extends DomainEvent> stream = STREAMS.get(entry.topic());

        assertThat(stream).as("stream interface of %s", entry.topic()).isNotNull();
        assertThat(stream).isAssignableFrom(entry.eventClass());
    }

    @ParameterizedTest
    @MethodSource("entries")
    void sourceIsTheWriterServiceAsAPath(EventCatalog.Entry entry) {
        String source = entry.source();

        assertThat(entry.writer()).matches("[a-z]+-service");
        assertThat(source).isEqualTo("/" + entry.writer());
    }

    @Test
    void cataloguesEveryRecordEveryStreamPermits() {
        var permitted = STREAMS.values().stream()
                .flatMap(stream -> Arrays.stream(stream.getPermittedSubclasses()))
                .toList();

        var catalogued = EventCatalog.entries().stream()
                .<Class<?>>map(EventCatalog.Entry::eventClass)
                .toList();

        assertThat(catalogued).containsExactlyInAnyOrderElementsOf(permitted);
    }

    @Test
    void everyTopicHasExactlyOneWriter() {
        var writersByTopic = EventCatalog.entries().stream()
                .collect(groupingBy(EventCatalog.Entry::topic, mapping(EventCatalog.Entry::writer, toSet())));

        assertThat(writersByTopic)
                .allSatisfy((topic, writers) ->
                        assertThat(writers).as("writers of %s", topic).hasSize(1));
    }

    @Test
    void listsTheEventsOfOneTopic() {
        var onChunks = EventCatalog.entriesOn(Topics.DOCUMENTS_CHUNKS);

        assertThat(onChunks)
                .extracting(EventCatalog.Entry::type)
                .containsExactly("io.docmatrix.documents.ChunkEmbedded.v1");
        assertThat(EventCatalog.entriesOn("documents.unknown.v1")).isEmpty();
    }

    @Test
    void findsNothingForATypeItDoesNotKnow() {
        var unknown = EventCatalog.findByType("io.docmatrix.documents.DocumentShredded.v1");

        assertThat(unknown).isEmpty();
    }

    @Test
    void refusesToDescribeAnEventThatIsNotRegistered() {
        DomainEvent unregistered = new NotRegistered(UUID.randomUUID(), Instant.now(), "aggregate");

        assertThatIllegalArgumentException()
                .isThrownBy(() -> EventCatalog.of(unregistered))
                .withMessageContaining("not a registered event type")
                .withMessageContaining("NotRegistered");
    }

    private record NotRegistered(UUID eventId, Instant occurredAt, String aggregateId) implements DomainEvent {}
}
