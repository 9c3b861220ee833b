package io.docmatrix.eval.reliability.faults;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListGroupsOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Faults on the topics themselves: poison records produced into the real topics among real traffic (then looked for in
 * each consumer's dead-letter topic), and the replay of a segment of the run's records (duplicate delivery).
 */
public final class KafkaFaults implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KafkaFaults.class);

    /** Set on every poison record so its dead-letter copy can be matched (consumers keep the original headers). */
    public static final String POISON_HEADER = "faults_poison_id";

    /** The {@code dlt_*} headers every dead-letter record must carry (EventHeaders, shared-contracts). */
    static final List<String> DLT_HEADERS = List.of(
            "dlt_original_topic",
            "dlt_original_partition",
            "dlt_original_offset",
            "dlt_error_code",
            "dlt_error_message",
            "dlt_failed_at",
            "dlt_service");

    /** Each topic a service consumes and an event type it carries, for poison records with believable headers. */
    static final Map<String, String> TOPIC_TYPES = new LinkedHashMap<>(Map.of(
            "documents.uploads.v1", "io.docmatrix.documents.DocumentUploaded.v1",
            "documents.lifecycle.v1", "io.docmatrix.documents.DocumentIndexed.v1",
            "documents.chunks.v1", "io.docmatrix.documents.ChunkEmbedded.v1",
            "analysis.results.v1", "io.docmatrix.analysis.AnalysisCompleted.v1"));

    private final String bootstrap;
    private final KafkaProducer<byte[], byte[]> producer;
    private final Admin admin;

    public KafkaFaults(String bootstrap) {
        this.bootstrap = bootstrap;
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        properties.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 8 * 1024 * 1024);
        this.producer = new KafkaProducer<>(properties);
        Properties adminProperties = new Properties();
        adminProperties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        this.admin = Admin.create(adminProperties);
    }

    /** One poison record as produced: where it went and what it looked like. */
    public record Poison(String id, String topic, String shape) {}

    /**
     * Produces three poison records into each consumed topic: garbage bytes without headers, garbage bytes with valid
     * CloudEvents headers, and valid JSON that is no valid event (ids that are no UUIDs, fields missing), naming the
     * run's tenant so that a consumer that accepted it would leave a phantom for the oracle.
     */
    public List<Poison> producePoison(UUID tenant) {
        List<Poison> poisons = new ArrayList<>();
        Random random = new Random();
        for (Map.Entry<String, String> entry : TOPIC_TYPES.entrySet()) {
            String topic = entry.getKey();
            byte[] garbage = new byte[64 + random.nextInt(512)];
            random.nextBytes(garbage);
            poisons.add(send(topic, "garbage-bytes", garbage, null, tenant));
            byte[] garbage2 = new byte[64 + random.nextInt(512)];
            random.nextBytes(garbage2);
            poisons.add(send(topic, "garbage-bytes-with-ce-headers", garbage2, entry.getValue(), tenant));
            String invalid = "{\"eventId\":\"" + UUID.randomUUID() + "\",\"occurredAt\":\"" + Instant.now()
                    + "\",\"documentId\":\"not-a-uuid\",\"tenantId\":\"" + tenant + "\",\"version\":\"one\"}";
            poisons.add(send(
                    topic,
                    "valid-json-invalid-event",
                    invalid.getBytes(StandardCharsets.UTF_8),
                    entry.getValue(),
                    tenant));
        }
        producer.flush();
        log.info("produced {} poison records", poisons.size());
        return poisons;
    }

    private Poison send(String topic, String shape, byte[] value, @Nullable String type, UUID tenant) {
        String id = UUID.randomUUID().toString();
        RecordHeaders headers = new RecordHeaders();
        headers.add(POISON_HEADER, bytes(id));
        if (type != null) {
            headers.add("ce_id", bytes(UUID.randomUUID().toString()));
            headers.add("ce_type", bytes(type));
            headers.add("ce_source", bytes("/faults-harness"));
            headers.add("ce_specversion", bytes("1.0"));
            headers.add("ce_time", bytes(Instant.now().toString()));
            headers.add("ce_tenantid", bytes(tenant.toString()));
            headers.add("content-type", bytes("application/json"));
        }
        try {
            producer.send(new ProducerRecord<>(topic, null, bytes("poison-" + id), value, headers))
                    .get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not produce a poison record to " + topic + ": " + e, e);
        }
        return new Poison(id, topic, shape);
    }

    /** End offsets of the consumed topics now: where a later replay segment starts. */
    public Map<TopicPartition, Long> endOffsets() {
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            List<TopicPartition> partitions = partitions(consumer, TOPIC_TYPES.keySet());
            return new HashMap<>(consumer.endOffsets(partitions, Duration.ofSeconds(30)));
        }
    }

    /**
     * Re-produces the run tenant's records between {@code from} and the current end of each topic, key, value and
     * headers unchanged: what a producer retry or a restored backup delivers a second time. Returns how many.
     */
    public int replay(Map<TopicPartition, Long> from, UUID tenant) {
        byte[] tenantBytes = bytes(tenant.toString());
        List<ConsumerRecord<byte[], byte[]>> segment = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            readRange(consumer, from, record -> {
                Header header = record.headers().lastHeader("ce_tenantid");
                if (header != null
                        && java.util.Arrays.equals(header.value(), tenantBytes)
                        && record.headers().lastHeader(POISON_HEADER) == null) {
                    segment.add(record);
                }
            });
        }
        for (ConsumerRecord<byte[], byte[]> record : segment) {
            producer.send(new ProducerRecord<>(
                    record.topic(), record.partition(), record.key(), record.value(), copy(record.headers())));
        }
        producer.flush();
        log.info("replayed {} records of tenant {}", segment.size(), tenant);
        return segment.size();
    }

    /**
     * The {@code ce_id} of every record on the event topics (and the audit topic) from {@code from} on: what the outbox
     * relays delivered since the run started.
     */
    public Set<String> deliveredEventIds(Map<TopicPartition, Long> from) {
        Map<TopicPartition, Long> start = new HashMap<>(from);
        Set<String> ids = new HashSet<>();
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            for (TopicPartition tp : partitions(consumer, Set.of("identity.audit.v1"))) {
                start.putIfAbsent(tp, 0L);
            }
            readRange(consumer, start, record -> {
                Header id = record.headers().lastHeader("ce_id");
                if (id != null) {
                    ids.add(new String(id.value(), StandardCharsets.UTF_8));
                }
            });
        }
        return ids;
    }

    /** Which services consume each topic: the shared groups with offsets committed on it. */
    public Map<String, Set<String>> consumersByTopic() {
        Map<String, Set<String>> consumers = new TreeMap<>();
        try {
            for (var listing : admin.listGroups(ListGroupsOptions.forConsumerGroups())
                    .all()
                    .get(15, TimeUnit.SECONDS)) {
                String group = listing.groupId();
                if (!group.matches("(gateway|auth|ingestion|analysis|query)-service(\\.[a-z-]+)?")) {
                    continue;
                }
                String service = group.contains(".") ? group.substring(0, group.indexOf('.')) : group;
                admin.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata()
                        .get(15, TimeUnit.SECONDS)
                        .keySet()
                        .forEach(tp -> consumers
                                .computeIfAbsent(tp.topic(), t -> new java.util.TreeSet<>())
                                .add(service));
            }
        } catch (Exception e) {
            throw new IllegalStateException("could not list the consumer groups: " + e, e);
        }
        return consumers;
    }

    /** What the dead-letter check found for the poison records. */
    public record DeadLetterCheck(int expected, int found, int missingHeaders, List<String> missing) {

        public boolean passed() {
            return found == expected && missingHeaders == 0;
        }
    }

    /**
     * Every poison record must be in {@code <topic>.<service>.dlt} of every service consuming its topic, with the
     * {@code dlt_*} headers and the original headers kept. Reads each dead-letter topic from the beginning.
     */
    public DeadLetterCheck deadLetters(List<Poison> poisons) {
        Map<String, Set<String>> consumers = consumersByTopic();
        Map<String, Set<String>> expectedByDlt = new TreeMap<>();
        for (Poison poison : poisons) {
            for (String service : consumers.getOrDefault(poison.topic(), Set.of())) {
                expectedByDlt
                        .computeIfAbsent(poison.topic() + "." + service + ".dlt", t -> new HashSet<>())
                        .add(poison.id());
            }
        }
        int expected = expectedByDlt.values().stream().mapToInt(Set::size).sum();
        int found = 0;
        int missingHeaders = 0;
        List<String> missing = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            for (Map.Entry<String, Set<String>> entry : expectedByDlt.entrySet()) {
                Set<String> seen = new HashSet<>();
                int[] badHeaders = {0};
                Set<String> wanted = entry.getValue();
                if (!consumer.listTopics(Duration.ofSeconds(15)).containsKey(entry.getKey())) {
                    wanted.forEach(id -> missing.add(entry.getKey() + " (topic absent): " + id));
                    continue;
                }
                List<TopicPartition> partitions = partitions(consumer, Set.of(entry.getKey()));
                Map<TopicPartition, Long> start = new HashMap<>();
                consumer.beginningOffsets(partitions, Duration.ofSeconds(15)).forEach(start::put);
                readRange(consumer, start, record -> {
                    Header id = record.headers().lastHeader(POISON_HEADER);
                    if (id == null) {
                        return;
                    }
                    String poisonId = new String(id.value(), StandardCharsets.UTF_8);
                    if (wanted.contains(poisonId) && seen.add(poisonId)) {
                        for (String header : DLT_HEADERS) {
                            if (record.headers().lastHeader(header) == null) {
                                badHeaders[0]++;
                                break;
                            }
                        }
                    }
                });
                found += seen.size();
                missingHeaders += badHeaders[0];
                wanted.stream().filter(id -> !seen.contains(id)).forEach(id -> missing.add(entry.getKey() + ": " + id));
            }
        }
        return new DeadLetterCheck(expected, found, missingHeaders, missing);
    }

    private void readRange(
            KafkaConsumer<byte[], byte[]> consumer,
            Map<TopicPartition, Long> from,
            java.util.function.Consumer<ConsumerRecord<byte[], byte[]>> sink) {
        Set<String> topics = new HashSet<>();
        from.keySet().forEach(tp -> topics.add(tp.topic()));
        List<TopicPartition> partitions = partitions(consumer, topics);
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, Duration.ofSeconds(30));
        consumer.assign(partitions);
        Map<TopicPartition, Long> beginnings = consumer.beginningOffsets(partitions, Duration.ofSeconds(30));
        for (TopicPartition tp : partitions) {
            consumer.seek(tp, Math.max(from.getOrDefault(tp, 0L), beginnings.get(tp)));
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline
                && partitions.stream().anyMatch(tp -> consumer.position(tp) < ends.get(tp))) {
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                if (record.offset() < ends.get(new TopicPartition(record.topic(), record.partition()))) {
                    sink.accept(record);
                }
            }
        }
    }

    private static List<TopicPartition> partitions(KafkaConsumer<byte[], byte[]> consumer, Set<String> topics) {
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : topics) {
            consumer.partitionsFor(topic, Duration.ofSeconds(30))
                    .forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
        }
        return partitions;
    }

    private KafkaConsumer<byte[], byte[]> consumer() {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        properties.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 8 * 1024 * 1024);
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        return new KafkaConsumer<>(properties);
    }

    private static Headers copy(Headers headers) {
        RecordHeaders copy = new RecordHeaders();
        headers.forEach(h -> copy.add(h.key(), h.value()));
        return copy;
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
        admin.close(Duration.ofSeconds(5));
    }
}
