package io.docmatrix.query.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.docmatrix.contracts.DomainEvent;
import io.docmatrix.contracts.EventCatalog;
import io.docmatrix.contracts.EventHeaders;
import io.docmatrix.contracts.Topics;
import io.docmatrix.contracts.chunk.ChunkEmbedded;
import io.docmatrix.embedding.EmbeddingModel;
import io.docmatrix.query.TenantSql;
import io.docmatrix.query.TestDocuments;
import io.docmatrix.runtime.messaging.EventJson;
import io.docmatrix.runtime.messaging.PoisonEventException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The chunk projection applies a whole poll per transaction: through the real broker and the real database, a poll
 * holding a redelivered chunk and an undecodable record in the middle projects every good chunk exactly once and
 * dead-letters only the bad record.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@EmbeddedKafka(partitions = 1, bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class ChunkBatchIT {

    private static final List<String> TEXTS = List.of(
            "The supplier pays a penalty of one percent of the order value per week of late delivery.",
            "Each party keeps the other party's confidential information secret for five years.",
            "This agreement is governed by the laws of Ireland.",
            "Either party may terminate this agreement with ninety days written notice.");

    @Autowired
    EmbeddedKafkaBroker broker;

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Autowired
    EmbeddingModel model;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactionManager;

    private final UUID tenant = UUID.randomUUID();

    @Test
    void projectsAPollWithADuplicateAndAPoisonRecordOnceAndDeadLettersOnlyThePoison() throws Exception {
        TestDocuments.Version doc = new TestDocuments(model).document(tenant, TEXTS.toArray(String[]::new));
        List<ChunkEmbedded> chunks = doc.chunks();
        List<ProducerRecord<String, byte[]>> poll = new ArrayList<>();
        poll.add(record(chunks.get(0)));
        poll.add(record(chunks.get(1)));
        poll.add(record(chunks.get(1))); // the same event again: a redelivery inside one poll
        ProducerRecord<String, byte[]> poison = record(chunks.get(2));
        poll.add(new ProducerRecord<>(
                poison.topic(),
                null,
                doc.documentId.toString(),
                "{\"eventId\": \"not a chunk\"".getBytes(StandardCharsets.UTF_8),
                poison.headers()));
        poll.add(record(chunks.get(2)));
        poll.add(record(chunks.get(3)));

        MessageListenerContainer container = chunkListener();
        container.stop();
        try (Producer producer = new Producer(broker)) {
            producer.send(record(doc.received()));
            producer.send(record(doc.indexed()));
            // Published while the listener is stopped, so that its next poll holds all of them.
            poll.forEach(producer::send);
        } finally {
            container.start();
        }

        TenantSql sql = new TenantSql(jdbc, transactionManager);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(sql.rows(
                        tenant,
                        "SELECT status, chunk_count, active_version FROM document WHERE document_id = ?",
                        doc.documentId))
                .containsExactly(Map.of("status", "READY", "chunk_count", 4, "active_version", 1)));
        assertThat(sql.rows(
                        tenant,
                        "SELECT staged_chunks FROM document_version WHERE document_id = ? AND version = 1",
                        doc.documentId))
                .containsExactly(Map.of("staged_chunks", 4));
        assertThat(sql.rows(tenant, "SELECT ordinal FROM chunk WHERE document_id = ? ORDER BY ordinal", doc.documentId))
                .extracting(row -> row.get("ordinal"))
                .containsExactly(0, 1, 2, 3);
        List<ConsumerRecord<String, byte[]>> deadLetters = deadLettersOf(doc.documentId);
        assertThat(deadLetters).hasSize(1);
        assertThat(new String(
                        deadLetters
                                .get(0)
                                .headers()
                                .lastHeader(EventHeaders.DLT_ERROR_CODE)
                                .value(),
                        StandardCharsets.UTF_8))
                .isEqualTo(PoisonEventException.ERROR_CODE);
    }

    private MessageListenerContainer chunkListener() {
        return listeners.getListenerContainers().stream()
                .filter(c -> List.of(c.getContainerProperties().getTopics()).contains(Topics.DOCUMENTS_CHUNKS))
                .findFirst()
                .orElseThrow();
    }

    /** Every dead letter keyed by the document, read from the start of the dead-letter topic until it is quiet. */
    private List<ConsumerRecord<String, byte[]>> deadLettersOf(UUID documentId) {
        Map<String, Object> props = KafkaTestUtils.consumerProps(broker, "chunk-batch-it-" + UUID.randomUUID(), false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        String topic = Topics.deadLetterTopic(Topics.DOCUMENTS_CHUNKS, "query-service");
        List<ConsumerRecord<String, byte[]>> mine = new ArrayList<>();
        try (Consumer<String, byte[]> consumer = new DefaultKafkaConsumerFactory<>(
                        props, new StringDeserializer(), new ByteArrayDeserializer())
                .createConsumer()) {
            consumer.subscribe(List.of(topic));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(500)).forEach(r -> {
                    if (documentId.toString().equals(r.key())) {
                        mine.add(r);
                    }
                });
                return !mine.isEmpty();
            });
            // A second dead letter would have been published right after the first: read on a little.
            consumer.poll(Duration.ofSeconds(2)).forEach(r -> {
                if (documentId.toString().equals(r.key())) {
                    mine.add(r);
                }
            });
        }
        return mine;
    }

    /** The record the outbox relay publishes for an event: keyed by aggregate, typed by the ce_* headers. */
    private static ProducerRecord<String, byte[]> record(DomainEvent event) {
        EventCatalog.Entry entry = EventCatalog.of(event);
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(
                entry.topic(), event.aggregateId(), EventJson.mapper().writeValueAsBytes(event));
        Map.of(
                        EventHeaders.ID, event.eventId().toString(),
                        EventHeaders.TYPE, entry.type(),
                        EventHeaders.SOURCE, entry.source(),
                        EventHeaders.SPEC_VERSION, EventHeaders.SPEC_VERSION_1_0)
                .forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        return record;
    }

    private static final class Producer implements AutoCloseable {

        private final DefaultKafkaProducerFactory<String, byte[]> factory;
        private final KafkaTemplate<String, byte[]> template;

        Producer(EmbeddedKafkaBroker broker) {
            factory = new DefaultKafkaProducerFactory<>(
                    KafkaTestUtils.producerProps(broker), new StringSerializer(), new ByteArraySerializer());
            template = new KafkaTemplate<>(factory);
        }

        void send(ProducerRecord<String, byte[]> record) {
            template.send(record).join();
        }

        @Override
        public void close() {
            factory.destroy();
        }
    }
}
