package io.docmatrix.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import io.docmatrix.contracts.audit.LoginFailed;
import io.docmatrix.contracts.upload.DocumentUploaded;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class GoldenSampleTest {

    private static final JsonMapper MAPPER = WireJson.mapper();

    static Stream<Arguments> entries() {
        return EventCatalog.entries().stream().map(entry -> Arguments.of(Named.of(entry.type(), entry)));
    }

    @Test
    void everyCatalogEntryHasAGoldenSampleAndEverySampleAnEntry() {
        var expected =
                EventCatalog.entries().stream().map(GoldenSamples::relativePath).toList();

        var present = GoldenSamples.all();

        assertThat(present).containsExactlyInAnyOrderElementsOf(expected);
    }

    @ParameterizedTest
    @MethodSource("entries")
    void readsAndWritesTheGoldenSampleUnchanged(EventCatalog.Entry entry) {
        String sample = GoldenSamples.read(entry);

        DomainEvent event = MAPPER.readValue(sample, entry.eventClass());
        String written = MAPPER.writeValueAsString(event);

        assertThat((Object) MAPPER.readTree(written)).isEqualTo(MAPPER.readTree(sample));
    }

    @ParameterizedTest
    @MethodSource("entries")
    void writesExactlyTheRecordComponentsWithoutTypeInformation(EventCatalog.Entry entry) {
        DomainEvent event = MAPPER.readValue(GoldenSamples.read(entry), entry.eventClass());

        JsonNode written = MAPPER.readTree(MAPPER.writeValueAsString(event));

        assertThat(written.propertyNames())
                .containsExactlyInAnyOrderElementsOf(
                        Arrays.stream(entry.eventClass().getRecordComponents())
                                .map(RecordComponent::getName)
                                .toList());
    }

    @ParameterizedTest
    @MethodSource("entries")
    void ignoresFieldsAddedByALaterWriter(EventCatalog.Entry entry) {
        String sample = GoldenSamples.read(entry);
        JsonNode withUnknownFields = addUnknownFields(MAPPER.readTree(sample));

        DomainEvent event = MAPPER.treeToValue(withUnknownFields, entry.eventClass());

        assertThat(event).isEqualTo(MAPPER.readValue(sample, entry.eventClass()));
    }

    @ParameterizedTest
    @MethodSource("entries")
    void sampleIsKeyedByTheAggregateItsTopicNames(EventCatalog.Entry entry) {
        JsonNode sample = MAPPER.readTree(GoldenSamples.read(entry));
        String keyProperty = entry.topic().equals(Topics.IDENTITY_AUDIT) ? "tenant" : "documentId";

        DomainEvent event = MAPPER.treeToValue(sample, entry.eventClass());

        assertThat(event.aggregateId()).isEqualTo(sample.get(keyProperty).stringValue());
    }

    @Test
    void readsAbsentOptionalFieldsAsNullAndAbsentListsAsEmpty() {
        var uploaded = EventCatalog.findByClass(DocumentUploaded.class).orElseThrow();
        ObjectNode sample = (ObjectNode) MAPPER.readTree(GoldenSamples.read(uploaded));
        ObjectNode metadata = (ObjectNode) sample.get("metadata");
        metadata.remove("title");
        metadata.remove("tags");
        metadata.remove("collection");
        metadata.remove("externalId");

        DocumentUploaded event = MAPPER.treeToValue(sample, DocumentUploaded.class);

        assertThat(event.metadata().title()).isNull();
        assertThat(event.metadata().tags()).isEmpty();
        assertThat(event.metadata().collection()).isNull();
        assertThat(event.metadata().externalId()).isNull();
    }

    @Test
    void readsAFailedLoginForAnUnknownTenantWithoutTenantId() {
        var loginFailed = EventCatalog.findByClass(LoginFailed.class).orElseThrow();

        LoginFailed event = MAPPER.readValue(GoldenSamples.read(loginFailed), LoginFailed.class);

        assertThat(event.tenantId()).isNull();
        assertThat(event.aggregateId()).isEqualTo(event.tenant());
    }

    /** Adds an unknown property to the event and to every nested object, as a newer writer within v1 might. */
    private static JsonNode addUnknownFields(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.values().forEach(GoldenSampleTest::addUnknownFields);
            object.put("addedInALaterRelease", "readers ignore this");
        } else if (node.isArray()) {
            node.values().forEach(GoldenSampleTest::addUnknownFields);
        }
        return node;
    }
}
