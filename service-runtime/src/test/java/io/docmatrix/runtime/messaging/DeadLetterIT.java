package io.docmatrix.runtime.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.docmatrix.contracts.DomainEvent;
import io.docmatrix.contracts.EventHeaders;
import io.docmatrix.contracts.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.test.condition.EmbeddedKafkaCondition;
import org.springframework.kafka.test.context.EmbeddedKafka;

/**
 * A {@code @KafkaListener} in a minimal service with Boot's Kafka auto-configuration and the messaging kit, against
 * the embedded broker: what is retried, what goes straight to {@code <topic>.<service>.dlt}, and with which headers.
 */
@EmbeddedKafka(
        partitions = 1,
        topics = {Topics.DOCUMENTS_LIFECYCLE, DeadLetterIT.DEAD_LETTER_TOPIC})
class DeadLetterIT {

    static final String SERVICE = "dead-letter-it";
    static final String DEAD_LETTER_TOPIC = Topics.DOCUMENTS_LIFECYCLE + "." + SERVICE + ".dlt";
    private static final String DOCUMENT_RECEIVED = "io.docmatrix.documents.DocumentReceived.v1";
    private static final Duration WITHIN = Duration.ofSeconds(30);

    private static String bootstrapServers;
    private static ConfigurableApplicationContext service;
    private static KafkaProducer<String, byte[]> producer;

    @SpringBootConfiguration(proxyBeanMethods = false)
    @ImportAutoConfiguration({KafkaAutoConfiguration.class, MessagingAutoConfiguration.class})
    static class ConsumingService {

        @Bean
        MeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }

        @Bean
        LifecycleListener lifecycleListener() {
            return new LifecycleListener();
        }
    }

    /** Fails the way it is told to by the record's key, and counts how often it saw each key. */
    static class LifecycleListener {

        final Map<String, AtomicInteger> invocations = new ConcurrentHashMap<>();
        final Map<String, DomainEvent> applied = new ConcurrentHashMap<>();

        @KafkaListener(topics = Topics.DOCUMENTS_LIFECYCLE)
        void on(ConsumerRecord<String, byte[]> record) {
            int invocation = invocations
                    .computeIfAbsent(record.key(), key -> new AtomicInteger())
                    .incrementAndGet();
            DomainEvent event = InboundEvents.decode(record);
            if (record.key().startsWith("flaky-") && invocation <= 2) {
                throw new IllegalStateException("database failover in progress");
            }
            if (record.key().startsWith("broken-")) {
                throw new IllegalStateException("projection rejected the event");
            }
            applied.put(record.key(), event);
        }
    }

    @BeforeAll
    static void startService() {
        bootstrapServers = EmbeddedKafkaCondition.getBroker().getBrokersAsString();
        producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
                new StringSerializer(),
                new ByteArraySerializer());
        service = new SpringApplicationBuilder(ConsumingService.class)
                .web(WebApplicationType.NONE)
                .properties(
                        "spring.application.name=" + SERVICE,
                        "spring.kafka.bootstrap-servers=" + bootstrapServers,
                        "spring.kafka.consumer.group-id=" + SERVICE,
                        "spring.kafka.consumer.auto-offset-reset=earliest",
                        "docmatrix.messaging.retry.attempts=3",
                        "docmatrix.messaging.retry.initial-interval=100ms",
                        "docmatrix.messaging.retry.max-interval=200ms")
                .run();
    }

    @AfterAll
    static void stopService() {
        if (service != null) {
            service.close();
        }
        if (producer != null) {
            producer.close();
        }
    }

    @Test
    void sendsAnUndecodableRecordToTheDeadLetterTopicWithoutRetrying() throws Exception {
        String key = "poison-" + UUID.randomUUID();

        send(key, DOCUMENT_RECEIVED, "{\"eventId\": \"not-a-uuid\"".getBytes(StandardCharsets.UTF_8));

        ConsumerRecord<String, byte[]> deadLetter = awaitDeadLetter(key);
        assertThat(header(deadLetter, EventHeaders.DLT_ERROR_CODE)).isEqualTo("DESERIALIZATION_FAILED");
        assertThat(header(deadLetter, EventHeaders.DLT_ERROR_MESSAGE))
                .startsWith("PoisonEventException: value of documents.lifecycle.v1-0@")
                .doesNotContain("\tat ");
        assertThat(header(deadLetter, EventHeaders.DLT_ORIGINAL_TOPIC)).isEqualTo(Topics.DOCUMENTS_LIFECYCLE);
        assertThat(header(deadLetter, EventHeaders.DLT_ORIGINAL_PARTITION)).isEqualTo("0");
        assertThat(header(deadLetter, EventHeaders.DLT_ORIGINAL_OFFSET)).matches("\\d+");
        assertThat(header(deadLetter, EventHeaders.DLT_FAILED_AT)).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        assertThat(header(deadLetter, EventHeaders.DLT_SERVICE)).isEqualTo(SERVICE);
        // The original record survives intact: key, value bytes and CloudEvents headers.
        assertThat(header(deadLetter, EventHeaders.TYPE)).isEqualTo(DOCUMENT_RECEIVED);
        assertThat(new String(deadLetter.value(), StandardCharsets.UTF_8)).isEqualTo("{\"eventId\": \"not-a-uuid\"");
        assertThat(headerNames(deadLetter)).noneMatch(name -> name.startsWith("kafka_dlt"));
        assertThat(listener().invocations.get(key)).hasValue(1);
        assertThat(service.getBean(MeterRegistry.class)
                        .counter("docmatrix.kafka.dead.lettered", "topic", Topics.DOCUMENTS_LIFECYCLE)
                        .count())
                .isGreaterThanOrEqualTo(1);
    }

    @Test
    void sendsAnUnknownEventTypeToTheDeadLetterTopicWithoutRetrying() throws Exception {
        String key = "unknown-" + UUID.randomUUID();

        send(key, "io.docmatrix.documents.DocumentShredded.v1", Samples.read("DocumentReceived.json"));

        ConsumerRecord<String, byte[]> deadLetter = awaitDeadLetter(key);
        assertThat(header(deadLetter, EventHeaders.DLT_ERROR_CODE)).isEqualTo("UNKNOWN_EVENT_TYPE");
        assertThat(listener().invocations.get(key)).hasValue(1);
    }

    @Test
    void retriesATransientFailureUntilItSucceeds() throws Exception {
        String key = "flaky-" + UUID.randomUUID();

        send(key, DOCUMENT_RECEIVED, Samples.read("DocumentReceived.json"));

        await().atMost(WITHIN).until(() -> listener().applied.containsKey(key));
        assertThat(listener().invocations.get(key)).hasValue(3);
        assertThat(deadLetters(Set.of(key))).isEmpty();
    }

    @Test
    void deadLettersAFailureThatOutlastsTheRetries() throws Exception {
        String key = "broken-" + UUID.randomUUID();

        send(key, DOCUMENT_RECEIVED, Samples.read("DocumentReceived.json"));

        ConsumerRecord<String, byte[]> deadLetter = awaitDeadLetter(key);
        assertThat(header(deadLetter, EventHeaders.DLT_ERROR_CODE)).isEqualTo("PROCESSING_FAILED");
        assertThat(header(deadLetter, EventHeaders.DLT_ERROR_MESSAGE))
                .isEqualTo("IllegalStateException: projection rejected the event");
        assertThat(listener().invocations.get(key)).hasValue(4);
    }

    private static LifecycleListener listener() {
        return service.getBean(LifecycleListener.class);
    }

    private static void send(String key, String type, byte[] value) throws Exception {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.DOCUMENTS_LIFECYCLE, key, value);
        record.headers().add(EventHeaders.TYPE, type.getBytes(StandardCharsets.UTF_8));
        record.headers().add(EventHeaders.ID, UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
        producer.send(record).get();
    }

    private static ConsumerRecord<String, byte[]> awaitDeadLetter(String key) {
        List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
        await().atMost(WITHIN).untilAsserted(() -> {
            found.clear();
            found.addAll(deadLetters(Set.of(key)));
            assertThat(found).hasSize(1);
        });
        return found.get(0);
    }

    private static List<ConsumerRecord<String, byte[]>> deadLetters(Set<String> keys) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        try (KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            TopicPartition partition = new TopicPartition(DEAD_LETTER_TOPIC, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition)).get(partition);
            List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (consumer.position(partition) < end && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (keys.contains(record.key())) {
                        records.add(record);
                    }
                });
            }
            return records;
        }
    }

    private static @Nullable String header(ConsumerRecord<String, byte[]> record, String name) {
        return InboundEvents.header(record, name);
    }

    private static List<String> headerNames(ConsumerRecord<String, byte[]> record) {
        List<String> names = new ArrayList<>();
        record.headers().forEach(header -> names.add(header.key()));
        return names;
    }
}
