package io.docmatrix.bench.query;

import io.docmatrix.bench.corpus.ContractGenerator;
import io.docmatrix.bench.corpus.VectorGenerator;
import io.docmatrix.contracts.DomainEvent;
import io.docmatrix.contracts.EventCatalog;
import io.docmatrix.contracts.EventHeaders;
import io.docmatrix.contracts.chunk.ChunkEmbedded;
import io.docmatrix.contracts.chunk.Embedding;
import io.docmatrix.contracts.document.DocumentIndexed;
import io.docmatrix.contracts.document.DocumentReceived;
import io.docmatrix.contracts.upload.DocumentMetadata;
import io.docmatrix.runtime.messaging.EventJson;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.jspecify.annotations.Nullable;

/**
 * The events of one generated document, exactly as ingestion would publish them: DocumentReceived, its chunks
 * (ChunkEmbedded with a generated unit vector) and DocumentIndexed with the chunk count, as Kafka records in the
 * CloudEvents binary mode the outbox relay writes (same headers, the contracts' wire JSON as value, the document id
 * as key). Every id derives from the seed and the document's number, so seeding twice publishes the same event ids and
 * the projection's de-duplication makes a repeat a no-op.
 */
public final class ChunkEvents {

    /** The model id the seeded vectors claim: query-service only searches vectors of its configured model. */
    public static final String DEFAULT_MODEL = "bge-small-en-v1.5-q";

    static final int DIMENSION = 384;

    private final long seed;
    private final UUID tenantId;
    private final int chunksPerDocument;
    private final String model;
    private final ContractGenerator texts;
    private final VectorGenerator vectors;

    public ChunkEvents(long seed, UUID tenantId, int chunksPerDocument, String model) {
        this.seed = seed;
        this.tenantId = tenantId;
        this.chunksPerDocument = chunksPerDocument;
        this.model = model;
        this.texts = new ContractGenerator(seed, 4000);
        this.vectors = new VectorGenerator(seed, DIMENSION);
    }

    public UUID documentId(int document) {
        return id("document", document, 0);
    }

    /** Received, the chunks in order, then Indexed: the order ingestion writes them in. */
    public List<DomainEvent> document(int document) {
        UUID documentId = documentId(document);
        Instant at = Instant.parse("2026-01-01T00:00:00Z").plusSeconds(document);
        List<String> paragraphs = paragraphs(document);
        List<DomainEvent> events = new ArrayList<>(chunksPerDocument + 2);
        events.add(new DocumentReceived(
                id("received", document, 0),
                at,
                documentId,
                tenantId,
                1,
                "bench-seeded-" + document + ".txt",
                "text/plain",
                4000L * 6,
                "bench",
                new DocumentMetadata("Bench seeded contract " + document, List.of("bench"), "bench-seeded", null)));
        int offset = 0;
        for (int ordinal = 0; ordinal < chunksPerDocument; ordinal++) {
            String text = paragraphs.get(ordinal % paragraphs.size());
            events.add(new ChunkEmbedded(
                    id("chunk-event", document, ordinal),
                    at,
                    documentId,
                    tenantId,
                    1,
                    id("chunk", document, ordinal),
                    ordinal,
                    text,
                    1 + ordinal / 10,
                    1 + ordinal / 10,
                    offset,
                    offset + text.length(),
                    List.of("ARTICLE " + (1 + ordinal / 5)),
                    text.split("\\s+").length * 4 / 3,
                    Embedding.of(model, vectors.vector((long) document * chunksPerDocument + ordinal))));
            offset += text.length() + 2;
        }
        events.add(new DocumentIndexed(
                id("indexed", document, 0),
                at,
                documentId,
                tenantId,
                1,
                chunksPerDocument,
                1 + (chunksPerDocument - 1) / 10,
                model,
                DIMENSION));
        return events;
    }

    private List<String> paragraphs(int document) {
        List<String> paragraphs = new ArrayList<>();
        for (String p : texts.contract(document).text().split("\n\n")) {
            String trimmed = p.replace('\f', ' ').strip();
            if (trimmed.split("\\s+").length >= 20) {
                paragraphs.add(trimmed);
            }
        }
        return paragraphs;
    }

    private UUID id(String kind, int document, int ordinal) {
        return UUID.nameUUIDFromBytes(("bench:" + seed + ":" + tenantId + ":" + kind + ":" + document + ":" + ordinal)
                .getBytes(StandardCharsets.UTF_8));
    }

    /** The Kafka record of an event: what service-runtime's outbox relay produces for the same event. */
    public static ProducerRecord<String, byte[]> record(DomainEvent event) {
        EventCatalog.Entry entry = EventCatalog.of(event);
        RecordHeaders headers = new RecordHeaders();
        add(headers, EventHeaders.ID, event.eventId().toString());
        add(headers, EventHeaders.TYPE, entry.type());
        add(headers, EventHeaders.SOURCE, entry.source());
        add(headers, EventHeaders.SPEC_VERSION, EventHeaders.SPEC_VERSION_1_0);
        add(headers, EventHeaders.TIME, event.occurredAt().toString());
        add(headers, EventHeaders.SUBJECT, event.aggregateId());
        String tenant = tenantOf(event);
        if (tenant != null) {
            add(headers, EventHeaders.TENANT_ID, tenant);
        }
        add(headers, EventHeaders.CONTENT_TYPE, EventHeaders.APPLICATION_JSON);
        return new ProducerRecord<>(
                entry.topic(), null, event.aggregateId(), EventJson.mapper().writeValueAsBytes(event), headers);
    }

    private static @Nullable String tenantOf(DomainEvent event) {
        if (event instanceof ChunkEmbedded c) {
            return c.tenantId().toString();
        }
        if (event instanceof DocumentReceived r) {
            return r.tenantId().toString();
        }
        if (event instanceof DocumentIndexed i) {
            return i.tenantId().toString();
        }
        return null;
    }

    private static void add(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
