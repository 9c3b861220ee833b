package io.docmatrix.bench.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.docmatrix.contracts.DomainEvent;
import io.docmatrix.contracts.EventHeaders;
import io.docmatrix.contracts.chunk.ChunkEmbedded;
import io.docmatrix.contracts.document.DocumentIndexed;
import io.docmatrix.contracts.document.DocumentReceived;
import io.docmatrix.runtime.messaging.EventJson;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ChunkEventsTest {

    /** The contracts' golden samples, read from the sibling module (they are test resources, not in its jar). */
    private static final Path GOLDEN = Path.of("..", "shared-contracts", "src", "test", "resources", "contracts");

    private static final UUID TENANT = UUID.fromString("3f6c2a8e-9d41-4b7a-b0e2-5c1d7f9a8b34");

    @ParameterizedTest
    @ValueSource(
            strings = {
                "documents.chunks.v1/ChunkEmbedded.json",
                "documents.lifecycle.v1/DocumentReceived.json",
                "documents.lifecycle.v1/DocumentIndexed.json"
            })
    void recordValuesAreTheGoldenSamplesWireJson(String sample) throws Exception {
        String golden = Files.readString(GOLDEN.resolve(sample));
        Class<? extends DomainEvent> type =
                switch (sample.substring(sample.indexOf('/') + 1)) {
                    case "ChunkEmbedded.json" -> ChunkEmbedded.class;
                    case "DocumentReceived.json" -> DocumentReceived.class;
                    default -> DocumentIndexed.class;
                };
        DomainEvent event = EventJson.mapper().readValue(golden, type);

        ProducerRecord<String, byte[]> record = ChunkEvents.record(event);

        assertThat(EventJson.mapper().readTree(record.value()))
                .isEqualTo(EventJson.mapper().readTree(golden));
        assertThat(record.key()).isEqualTo(event.aggregateId());
        assertThat(header(record, EventHeaders.TENANT_ID)).isEqualTo(TENANT.toString());
    }

    @Test
    void aDocumentIsReceivedThenItsChunksThenIndexedWithTheirCount() {
        List<DomainEvent> events = new ChunkEvents(1, TENANT, 25, ChunkEvents.DEFAULT_MODEL).document(3);

        assertThat(events).hasSize(27);
        assertThat(events.get(0)).isInstanceOf(DocumentReceived.class);
        assertThat(events.subList(1, 26)).allSatisfy(e -> assertThat(e).isInstanceOf(ChunkEmbedded.class));
        DocumentIndexed indexed = (DocumentIndexed) events.get(26);
        assertThat(indexed.chunkCount()).isEqualTo(25);
        assertThat(indexed.embeddingModel()).isEqualTo("bge-small-en-v1.5-q");
        assertThat(events.subList(1, 26).stream().map(e -> ((ChunkEmbedded) e).ordinal()))
                .containsExactlyElementsOf(
                        java.util.stream.IntStream.range(0, 25).boxed().toList());
        assertThat(((ChunkEmbedded) events.get(1)).embedding().values()).hasSize(384);
    }

    @Test
    void seedingTwicePublishesTheSameEventIdsSoTheProjectionDropsTheRepeat() {
        List<DomainEvent> first = new ChunkEvents(9, TENANT, 10, ChunkEvents.DEFAULT_MODEL).document(0);
        List<DomainEvent> again = new ChunkEvents(9, TENANT, 10, ChunkEvents.DEFAULT_MODEL).document(0);
        List<DomainEvent> otherTenant =
                new ChunkEvents(9, UUID.randomUUID(), 10, ChunkEvents.DEFAULT_MODEL).document(0);

        assertThat(again.stream().map(DomainEvent::eventId))
                .containsExactlyElementsOf(
                        first.stream().map(DomainEvent::eventId).toList());
        assertThat(otherTenant.get(0).eventId()).isNotEqualTo(first.get(0).eventId());
        assertThat(first.stream().map(DomainEvent::eventId).distinct()).hasSize(first.size());
    }

    private static String header(ProducerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
