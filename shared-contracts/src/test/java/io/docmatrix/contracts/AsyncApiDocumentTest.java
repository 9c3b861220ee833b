package io.docmatrix.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Keeps {@code docs/asyncapi.yaml} in step with the records: every difference between a record and its documented
 * payload, header set, key or channel fails here, so the document cannot drift from the code.
 */
class AsyncApiDocumentTest {

    /** Relative to the module's base directory, where Maven runs the tests. */
    private static final Path DOCUMENT = Path.of("..", "docs", "asyncapi.yaml");

    private static final Set<String> HEADERS = Set.of(
            EventHeaders.ID,
            EventHeaders.TYPE,
            EventHeaders.SOURCE,
            EventHeaders.SPEC_VERSION,
            EventHeaders.TIME,
            EventHeaders.SUBJECT,
            EventHeaders.TENANT_ID,
            EventHeaders.CONTENT_TYPE,
            EventHeaders.TRACEPARENT,
            EventHeaders.TRACESTATE);

    private static final Set<String> ALWAYS_REQUIRED_HEADERS = Set.of(
            EventHeaders.ID,
            EventHeaders.TYPE,
            EventHeaders.SOURCE,
            EventHeaders.SPEC_VERSION,
            EventHeaders.TIME,
            EventHeaders.SUBJECT,
            EventHeaders.CONTENT_TYPE);

    private static JsonNode document;

    @BeforeAll
    static void readDocument() {
        document = YAMLMapper.builder().build().readTree(DOCUMENT.toFile());
    }

    static Stream<Arguments> entries() {
        return EventCatalog.entries().stream().map(entry -> Arguments.of(Named.of(entry.type(), entry)));
    }

    @Test
    void isAnAsyncApi3DocumentWithTheLocalBroker() {
        JsonNode local = document.path("servers").path("local");

        assertThat(document.path("asyncapi").asString()).isEqualTo("3.0.0");
        assertThat(document.path("info").path("title").asString()).isNotBlank();
        assertThat(local.path("host").asString()).isEqualTo("127.0.0.1:9092");
        assertThat(local.path("protocol").asString()).isEqualTo("kafka");
    }

    @ParameterizedTest
    @MethodSource("entries")
    void documentsEveryCatalogueEventAsAMessage(EventCatalog.Entry entry) {
        String name = entry.eventClass().getSimpleName();

        JsonNode message = message(entry);

        assertThat(message.isMissingNode()).as("components.messages.%s", name).isFalse();
        assertThat(message.path("name").asString()).isEqualTo(name);
        assertThat(message.path("title").asString()).isNotBlank();
        assertThat(message.path("summary").asString()).isNotBlank();
        assertThat(message.path("contentType").asString()).isEqualTo(EventHeaders.APPLICATION_JSON);
    }

    @ParameterizedTest
    @MethodSource("entries")
    void payloadHasExactlyTheRecordComponentsWithMatchingTypes(EventCatalog.Entry entry) {
        List<String> problems = new ArrayList<>();

        compareRecord(
                entry.eventClass(),
                message(entry).path("payload"),
                entry.eventClass().getSimpleName(),
                problems);

        assertThat(problems).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("entries")
    void headersCarryTheCatalogueTypeAndSource(EventCatalog.Entry entry) {
        Set<String> required = new HashSet<>(ALWAYS_REQUIRED_HEADERS);
        if (hasNonNullTenantId(entry.eventClass())) {
            required.add(EventHeaders.TENANT_ID);
        }

        JsonNode headers = resolve(message(entry).path("headers"));
        JsonNode properties = headers.path("properties");

        assertThat(headers.path("type").asString()).isEqualTo("object");
        assertThat(properties.propertyNames()).containsExactlyInAnyOrderElementsOf(HEADERS);
        assertThat(strings(headers.path("required"))).containsExactlyInAnyOrderElementsOf(required);
        assertThat(resolve(properties.path(EventHeaders.TYPE)).path("const").asString())
                .isEqualTo(entry.type());
        assertThat(resolve(properties.path(EventHeaders.SOURCE)).path("const").asString())
                .isEqualTo(entry.source());
        assertThat(resolve(properties.path(EventHeaders.SPEC_VERSION))
                        .path("const")
                        .asString())
                .isEqualTo(EventHeaders.SPEC_VERSION_1_0);
        assertThat(resolve(properties.path(EventHeaders.CONTENT_TYPE))
                        .path("const")
                        .asString())
                .isEqualTo(EventHeaders.APPLICATION_JSON);
    }

    @ParameterizedTest
    @MethodSource("entries")
    void keyIsADescribedStringEqualToTheSubjectHeader(EventCatalog.Entry entry) {
        JsonNode message = message(entry);

        JsonNode key = resolve(message.path("bindings").path("kafka").path("key"));
        JsonNode subject = resolve(message.path("headers").path("properties").path(EventHeaders.SUBJECT));

        assertThat(key.path("type").asString()).isEqualTo("string");
        assertThat(key.path("description").asString()).isNotBlank();
        assertThat((Object) subject).isEqualTo(key);
    }

    @ParameterizedTest
    @MethodSource("entries")
    void messageIsOnTheChannelOfItsTopic(EventCatalog.Entry entry) {
        String reference = "#/components/messages/" + entry.eventClass().getSimpleName();

        List<JsonNode> channels = channelsWithAddress(entry.topic());

        assertThat(channels).as("channels with address %s", entry.topic()).hasSize(1);
        assertThat(channels.get(0).path("messages").values())
                .extracting(message -> message.path("$ref").asString())
                .contains(reference);
    }

    @Test
    void everyChannelAddressIsACatalogueTopicAndEveryTopicHasAChannel() {
        var addresses = document.path("channels").values().stream()
                .map(channel -> channel.path("address").asString())
                .toList();

        assertThat(addresses).containsExactlyInAnyOrderElementsOf(Topics.all());
    }

    @Test
    void documentsNoMessageTheCatalogueLacks() {
        var catalogued = EventCatalog.entries().stream()
                .map(entry -> entry.eventClass().getSimpleName())
                .toList();

        var documented = document.path("components").path("messages").propertyNames();

        assertThat(documented).containsExactlyInAnyOrderElementsOf(catalogued);
        assertThat(document.path("channels").values())
                .allSatisfy(channel -> assertThat(channel.path("messages").values())
                        .extracting(message -> resolve(message).path("name").asString())
                        .as("messages of channel %s", channel.path("address").asString())
                        .containsExactlyInAnyOrderElementsOf(
                                EventCatalog.entriesOn(channel.path("address").asString()).stream()
                                        .map(entry -> entry.eventClass().getSimpleName())
                                        .toList()));
    }

    @Test
    void everyChannelIsSentByItsSingleWriterAndReceivedByItsReaders() {
        var operations = document.path("operations").properties();

        assertThat(document.path("channels").properties()).allSatisfy(channel -> {
            String reference = "#/channels/" + channel.getKey();
            String topic = channel.getValue().path("address").asString();
            var onChannel = operations.stream()
                    .map(operation -> operation.getValue())
                    .filter(operation ->
                            operation.path("channel").path("$ref").asString().equals(reference))
                    .toList();
            var senders = onChannel.stream()
                    .filter(operation -> operation.path("action").asString().equals("send"))
                    .map(operation ->
                            operation.path("tags").path(0).path("name").asString())
                    .toList();
            var writers = EventCatalog.entriesOn(topic).stream()
                    .map(EventCatalog.Entry::writer)
                    .distinct()
                    .toList();

            assertThat(senders).as("writers of %s", topic).isEqualTo(writers);
            assertThat(onChannel).as("readers of %s", topic).anySatisfy(operation -> assertThat(
                            operation.path("action").asString())
                    .isEqualTo("receive"));
            assertThat(onChannel)
                    .flatMap(operation -> operation.path("messages").values())
                    .allSatisfy(message ->
                            assertThat(message.path("$ref").asString()).startsWith(reference + "/messages/"));
        });
    }

    @Test
    void everyComponentSchemaIsReferenced() {
        Set<String> references = new HashSet<>();
        collectReferences(document, references);

        var schemas = document.path("components").path("schemas").propertyNames();

        assertThat(schemas).allSatisfy(schema -> assertThat(references).contains("#/components/schemas/" + schema));
    }

    private static JsonNode message(EventCatalog.Entry entry) {
        return document.path("components")
                .path("messages")
                .path(entry.eventClass().getSimpleName());
    }

    private static List<JsonNode> channelsWithAddress(String topic) {
        return document.path("channels").values().stream()
                .filter(channel -> channel.path("address").asString().equals(topic))
                .toList();
    }

    /** Follows local {@code $ref}s ({@code #/...}, JSON pointers into this document) until a real node is reached. */
    private static JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        for (int hops = 0; current.has("$ref"); hops++) {
            String reference = current.path("$ref").asString();
            if (!reference.startsWith("#/") || hops > 10) {
                throw new IllegalStateException("cannot resolve $ref " + reference);
            }
            current = document.at(reference.substring(1));
            if (current.isMissingNode()) {
                throw new IllegalStateException("dangling $ref " + reference);
            }
        }
        return current;
    }

    private static void compareRecord(Class<?> record, JsonNode schemaOrReference, String path, List<String> problems) {
        JsonNode schema = resolve(schemaOrReference);
        RecordComponent[] components = record.getRecordComponents();
        Set<String> names =
                Arrays.stream(components).map(RecordComponent::getName).collect(Collectors.toCollection(TreeSet::new));
        Set<String> nonNullable = Arrays.stream(components)
                .filter(component -> !isNullable(component.getAnnotatedType()))
                .map(RecordComponent::getName)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> properties = new TreeSet<>(schema.path("properties").propertyNames());
        Set<String> required = new TreeSet<>(strings(schema.path("required")));

        if (!"object".equals(schema.path("type").asString())) {
            problems.add(path + ": type is " + schema.path("type") + " but a record is an object");
        }
        if (!properties.equals(names)) {
            problems.add(path + ": properties " + properties + " but record components " + names);
        }
        if (!required.equals(nonNullable)) {
            problems.add(path + ": required " + required + " but non-@Nullable components " + nonNullable);
        }
        for (RecordComponent component : components) {
            JsonNode property = schema.path("properties").path(component.getName());
            if (!property.isMissingNode()) {
                compareType(component.getAnnotatedType(), property, path + "." + component.getName(), problems);
            }
        }
    }

    private static void compareType(
            AnnotatedType annotated, JsonNode propertyOrReference, String path, List<String> problems) {
        Class<?> type = raw(annotated.getType());
        boolean nullable = isNullable(annotated);
        if (type.isRecord()) {
            if (!propertyOrReference.has("$ref")) {
                problems.add(path + ": nested record " + type.getSimpleName() + " should be a $ref to its schema");
            }
            if (nullable) {
                problems.add(path + ": a nullable nested record needs oneOf with null; extend this test first");
            }
            compareRecord(type, propertyOrReference, path, problems);
            return;
        }
        JsonNode property = resolve(propertyOrReference);
        String expectedType = jsonType(type);
        if (expectedType == null) {
            problems.add(path + ": no JSON mapping for " + type.getName() + "; extend this test first");
            return;
        }
        Set<String> expectedTypes = nullable ? Set.of(expectedType, "null") : Set.of(expectedType);
        Set<String> types = property.path("type").isArray()
                ? new HashSet<>(strings(property.path("type")))
                : Set.of(property.path("type").asString());
        if (!types.equals(expectedTypes)) {
            problems.add(path + ": type " + types + " but expected " + expectedTypes);
        }
        String expectedFormat = type == UUID.class ? "uuid" : type == Instant.class ? "date-time" : null;
        String format = property.has("format") ? property.path("format").asString() : null;
        if (!Objects.equals(format, expectedFormat)) {
            problems.add(path + ": format " + format + " but expected " + expectedFormat);
        }
        if (type.isEnum()) {
            List<String> constants = Arrays.stream(type.getEnumConstants())
                    .map(constant -> ((Enum<?>) constant).name())
                    .toList();
            if (!strings(property.path("enum")).equals(constants)) {
                problems.add(path + ": enum " + property.path("enum") + " but constants " + constants);
            }
        }
        if (type == List.class) {
            AnnotatedType item = ((AnnotatedParameterizedType) annotated).getAnnotatedActualTypeArguments()[0];
            compareType(item, property.path("items"), path + "[]", problems);
        }
    }

    private static @Nullable String jsonType(Class<?> type) {
        if (type == String.class || type == UUID.class || type == Instant.class || type.isEnum()) {
            return "string";
        }
        if (type == int.class || type == long.class || type == Integer.class || type == Long.class) {
            return "integer";
        }
        if (type == double.class || type == float.class || type == Double.class || type == Float.class) {
            return "number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "boolean";
        }
        if (type == List.class) {
            return "array";
        }
        return null;
    }

    private static Class<?> raw(Type type) {
        if (type instanceof ParameterizedType parameterized) {
            return (Class<?>) parameterized.getRawType();
        }
        return (Class<?>) type;
    }

    private static boolean isNullable(AnnotatedType type) {
        return type.isAnnotationPresent(Nullable.class);
    }

    private static boolean hasNonNullTenantId(Class<?> record) {
        return Arrays.stream(record.getRecordComponents())
                .anyMatch(component ->
                        component.getName().equals("tenantId") && !isNullable(component.getAnnotatedType()));
    }

    private static List<String> strings(JsonNode array) {
        return array.values().stream().map(JsonNode::asString).toList();
    }

    private static void collectReferences(JsonNode node, Set<String> references) {
        if (node.has("$ref")) {
            references.add(node.path("$ref").asString());
        }
        node.values().forEach(child -> collectReferences(child, references));
    }
}
