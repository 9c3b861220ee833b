package io.docmatrix.runtime.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.docmatrix.contracts.DomainEvent;
import io.docmatrix.contracts.EventHeaders;
import io.docmatrix.contracts.Topics;
import io.docmatrix.contracts.audit.LoginFailed;
import io.docmatrix.contracts.document.DocumentReceived;
import io.docmatrix.runtime.messaging.EventJson;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.condition.EmbeddedKafkaCondition;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The relay as a service runs it: Boot's DataSource and Kafka auto-configuration plus the outbox's, against the real
 * PostgreSQL (a throwaway schema, slot and publication) and the embedded KRaft broker.
 */
@EmbeddedKafka(
        partitions = 3,
        topics = {Topics.DOCUMENTS_LIFECYCLE, Topics.IDENTITY_AUDIT},
        // A missing topic must fail the send (instead of appearing on first use) for the restart test.
        brokerProperties = "auto.create.topics.enable=false")
class OutboxRelayIT {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelayIT.class);
    private static final Duration DELIVERY = Duration.ofSeconds(60);

    private static OutboxTestDatabase database;
    private static ConfigurableApplicationContext service;
    // EmbeddedKafkaCondition keeps the broker per test thread; Awaitility polls on another one.
    private static String bootstrapServers;

    @SpringBootConfiguration(proxyBeanMethods = false)
    @ImportAutoConfiguration({
        DataSourceAutoConfiguration.class,
        DataSourceTransactionManagerAutoConfiguration.class,
        TransactionAutoConfiguration.class,
        JdbcTemplateAutoConfiguration.class,
        KafkaAutoConfiguration.class,
        OutboxAutoConfiguration.class
    })
    static class RelayingService {

        @Bean
        MeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }
    }

    @BeforeAll
    static void startService() {
        database = OutboxTestDatabase.create("outbox_relay_it");
        EmbeddedKafkaBroker broker = EmbeddedKafkaCondition.getBroker();
        bootstrapServers = broker.getBrokersAsString();
        service = new SpringApplicationBuilder(RelayingService.class)
                .web(WebApplicationType.NONE)
                .properties(
                        "spring.application.name=outbox-relay-it",
                        "spring.datasource.url=" + OutboxTestDatabase.url(database.schema),
                        "spring.datasource.username=" + OutboxTestDatabase.USER,
                        "spring.kafka.bootstrap-servers=" + broker.getBrokersAsString(),
                        // Fail a send to a missing topic in 2 s rather than the default minute.
                        "spring.kafka.producer.properties.max.block.ms=2000",
                        "docmatrix.outbox.enabled=true",
                        "docmatrix.outbox.schema=" + database.schema,
                        "docmatrix.outbox.slot-name=" + database.slot,
                        "docmatrix.outbox.publication-name=" + database.publication,
                        "docmatrix.outbox.poll-interval=50ms",
                        "docmatrix.outbox.offset-flush-interval=200ms")
                .run();
        awaitStreaming();
    }

    @AfterAll
    static void stopService() {
        try {
            if (service != null) {
                service.close();
            }
        } finally {
            if (database != null) {
                database.drop();
            }
        }
    }

    @Test
    void publishesCommittedEventsToTheirTopicWithKeyCloudEventsHeadersAndJsonBody() {
        DocumentReceived received = TestEvents.documentReceived(UUID.randomUUID(), 1);
        LoginFailed loginFailed = TestEvents.loginFailedForAnUnknownTenant();

        inTransaction(outbox -> outbox.appendAll(List.of(received, loginFailed)));

        Map<UUID, ConsumerRecord<String, byte[]>> records =
                awaitRecords(Set.of(received.eventId(), loginFailed.eventId()));
        ConsumerRecord<String, byte[]> document = records.get(received.eventId());
        assertThat(document.topic()).isEqualTo(Topics.DOCUMENTS_LIFECYCLE);
        assertThat(document.key()).isEqualTo(received.documentId().toString());
        assertThat(headers(document))
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        EventHeaders.ID,
                        received.eventId().toString(),
                        EventHeaders.TYPE,
                        "io.docmatrix.documents.DocumentReceived.v1",
                        EventHeaders.SOURCE,
                        "/ingestion-service",
                        EventHeaders.SPEC_VERSION,
                        "1.0",
                        EventHeaders.TIME,
                        received.occurredAt().toString(),
                        EventHeaders.SUBJECT,
                        received.documentId().toString(),
                        EventHeaders.TENANT_ID,
                        received.tenantId().toString(),
                        EventHeaders.CONTENT_TYPE,
                        "application/json"));
        assertThat(EventJson.mapper().readValue(document.value(), DocumentReceived.class))
                .isEqualTo(received);
        ConsumerRecord<String, byte[]> audit = records.get(loginFailed.eventId());
        assertThat(audit.topic()).isEqualTo(Topics.IDENTITY_AUDIT);
        assertThat(audit.key()).isEqualTo("acme-legl");
        assertThat(headers(audit)).doesNotContainKey(EventHeaders.TENANT_ID).containsKey(EventHeaders.ID);
        assertThat(EventJson.mapper().readValue(audit.value(), LoginFailed.class))
                .isEqualTo(loginFailed);
        assertThat(service.getBean(MeterRegistry.class)
                        .counter("docmatrix.outbox.relayed", "topic", Topics.DOCUMENTS_LIFECYCLE)
                        .count())
                .isGreaterThanOrEqualTo(1);
    }

    @Test
    void publishesNothingForARolledBackTransaction() {
        DocumentReceived rolledBack = TestEvents.documentReceived(UUID.randomUUID(), 1);
        DocumentReceived committedAfter = TestEvents.documentReceived(rolledBack.documentId(), 2);

        transactions().executeWithoutResult(status -> {
            outbox().append(rolledBack);
            status.setRollbackOnly();
        });
        inTransaction(outbox -> outbox.append(committedAfter));

        // The later commit arriving proves the relay got past the point where the rolled-back event would have been.
        awaitRecords(Set.of(committedAfter.eventId()));
        assertThat(readAll().stream().map(OutboxRelayIT::eventId)).doesNotContain(rolledBack.eventId());
    }

    @Test
    void keepsTheOrderOfEachAggregatesEvents() {
        UUID documentA = UUID.randomUUID();
        UUID documentB = UUID.randomUUID();
        List<DomainEvent> written = new ArrayList<>();
        for (int transaction = 0; transaction < 4; transaction++) {
            List<DomainEvent> batch = new ArrayList<>();
            for (int i = 1; i <= 5; i++) {
                int version = transaction * 5 + i;
                batch.add(TestEvents.documentReceived(documentA, version));
                batch.add(TestEvents.documentReceived(documentB, version));
            }
            inTransaction(outbox -> outbox.appendAll(batch));
            written.addAll(batch);
        }

        awaitRecords(written.stream().map(DomainEvent::eventId).collect(Collectors.toSet()));

        assertThat(versionsInPartitionOrder(documentA)).containsExactlyElementsOf(range(1, 20));
        assertThat(versionsInPartitionOrder(documentB)).containsExactlyElementsOf(range(1, 20));
    }

    @Test
    void losesNothingWhenTheRelayStopsAndStartsAgain() {
        OutboxRelay relay = service.getBean(OutboxRelay.class);
        UUID document = UUID.randomUUID();
        List<DocumentReceived> before = versions(document, 1, 5);
        List<DocumentReceived> whileStopped = versions(document, 6, 10);
        inTransaction(outbox -> outbox.appendAll(before));
        awaitRecords(ids(before));

        relay.stop();
        inTransaction(outbox -> outbox.appendAll(whileStopped));
        relay.start();
        awaitStreaming();

        awaitRecords(ids(whileStopped));
        List<UUID> delivered = readAll().stream()
                .map(OutboxRelayIT::eventId)
                .filter(id -> ids(before).contains(id) || ids(whileStopped).contains(id))
                .toList();
        long duplicates = delivered.size() - new HashSet<>(delivered).size();
        log.info(
                "Across a graceful relay restart: {} events delivered {} times ({} duplicates)",
                10,
                delivered.size(),
                duplicates);
        assertThat(new HashSet<>(delivered)).hasSize(10);
        assertThat(versionsInPartitionOrder(document).stream().distinct().toList())
                .containsExactlyElementsOf(range(1, 10));
        assertThat(database.jdbc.queryForObject(
                        "SELECT count(*) FROM " + database.schema + ".outbox_offset WHERE slot_name = ?",
                        Integer.class,
                        database.slot))
                .isPositive();
    }

    @Test
    void recoversWhenItsReplicationConnectionIsKilledAndDeliversWhatWasWrittenMeanwhile() {
        OutboxRelay relay = service.getBean(OutboxRelay.class);
        int restartsBefore = relay.restarts();
        DocumentReceived written = TestEvents.documentReceived(UUID.randomUUID(), 1);

        List<Boolean> terminated = database.jdbc.queryForList(
                "SELECT pg_terminate_backend(active_pid) FROM pg_replication_slots"
                        + " WHERE slot_name = ? AND active_pid IS NOT NULL",
                Boolean.class,
                database.slot);
        inTransaction(outbox -> outbox.append(written));

        assertThat(terminated).containsExactly(true);
        awaitRecords(Set.of(written.eventId()));
        awaitStreaming();
        log.info(
                "After its replication connection was killed the relay restarted its engine {} time(s)",
                relay.restarts() - restartsBefore);
    }

    @Test
    void restartsAfterKafkaRefusesAnEventAndDeliversItOnceKafkaAcceptsIt() throws Exception {
        OutboxRelay relay = service.getBean(OutboxRelay.class);
        int restartsBefore = relay.restarts();
        String missingTopic = "outbox.relay.it.missing." + UUID.randomUUID();
        UUID stuckId = UUID.randomUUID();
        DocumentReceived behindIt = TestEvents.documentReceived(UUID.randomUUID(), 1);

        inTransaction(outbox -> {
            database.jdbc.update(
                    "INSERT INTO " + database.schema + ".outbox (id, aggregatetype, aggregateid, type, payload,"
                            + " ce_source, ce_time) VALUES (?, ?, 'key-1', 'io.docmatrix.test.Probe.v1', '{}'::jsonb,"
                            + " '/outbox-relay-it', '2026-03-01T10:15:30Z')",
                    stuckId,
                    missingTopic);
            outbox.append(behindIt);
        });
        HealthIndicator health = service.getBean("outboxHealthIndicator", HealthIndicator.class);
        await().atMost(DELIVERY)
                .untilAsserted(() -> assertThat(relay.restarts()).isGreaterThan(restartsBefore));
        assertThat(readAll().stream().map(OutboxRelayIT::eventId)).doesNotContain(behindIt.eventId());
        try (AdminClient admin =
                AdminClient.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.createTopics(List.of(new NewTopic(missingTopic, 1, (short) 1)))
                    .all()
                    .get();
        }

        awaitRecords(Set.of(behindIt.eventId()));
        awaitStreaming();
        assertThat(health.health().getDetails()).containsKey("lastError");
        log.info(
                "Kafka refused an event: the relay restarted its engine {} time(s) before the topic existed",
                relay.restarts() - restartsBefore);
    }

    @Test
    void cleanupDeletesOnlyRowsOlderThanTheRetentionAndReportsTheSlotLag() {
        DocumentReceived old = TestEvents.documentReceived(UUID.randomUUID(), 1);
        DocumentReceived fresh = TestEvents.documentReceived(UUID.randomUUID(), 1);
        inTransaction(outbox -> outbox.appendAll(List.of(old, fresh)));
        database.jdbc.update(
                "UPDATE " + database.schema + ".outbox SET created_at = now() - interval '2 hours' WHERE id = ?",
                old.eventId());
        OutboxMaintenance maintenance = service.getBean(OutboxMaintenance.class);

        int deleted = maintenance.deleteExpired();
        long lag = maintenance.refreshSlotLag();

        assertThat(deleted).isGreaterThanOrEqualTo(1);
        assertThat(database.jdbc.queryForList(
                        "SELECT id FROM " + database.schema + ".outbox WHERE id IN (?, ?)",
                        UUID.class,
                        old.eventId(),
                        fresh.eventId()))
                .containsExactly(fresh.eventId());
        assertThat(lag).isNotNegative();
        assertThat(service.getBean(MeterRegistry.class)
                        .get("docmatrix.outbox.slot.lag.bytes")
                        .gauge()
                        .value())
                .isEqualTo(lag);
        // Deleting (and updating) outbox rows never reaches Kafka: the relay skips everything but inserts.
        awaitRecords(Set.of(fresh.eventId()));
        assertThat(readAll().stream().filter(r -> r.value() == null)).isEmpty();
    }

    @Test
    void backlogCountsRowsWrittenAfterTheNewestRelayedEventAndDrainsOnceRelayed() {
        DocumentReceived relayed = TestEvents.documentReceived(UUID.randomUUID(), 1);
        inTransaction(outbox -> outbox.append(relayed));
        awaitRecords(Set.of(relayed.eventId()));
        OutboxMaintenance maintenance = service.getBean(OutboxMaintenance.class);
        OutboxRelay relay = service.getBean(OutboxRelay.class);
        await().atMost(DELIVERY)
                .untilAsserted(() -> assertThat(maintenance.refreshBacklog()).isZero());
        relay.stop();
        try {
            DocumentReceived waiting = TestEvents.documentReceived(UUID.randomUUID(), 1);
            inTransaction(
                    outbox -> outbox.appendAll(List.of(waiting, TestEvents.documentReceived(UUID.randomUUID(), 1))));

            long backlog = maintenance.refreshBacklog();

            assertThat(backlog).isEqualTo(2);
            assertThat(service.getBean(MeterRegistry.class)
                            .get("docmatrix.outbox.backlog")
                            .gauge()
                            .value())
                    .isEqualTo(2.0);
        } finally {
            relay.start();
        }
        await().atMost(DELIVERY)
                .untilAsserted(() -> assertThat(maintenance.refreshBacklog()).isZero());
    }

    private static void awaitStreaming() {
        HealthIndicator health = service.getBean("outboxHealthIndicator", HealthIndicator.class);
        await().atMost(DELIVERY).untilAsserted(() -> {
            assertThat(health.health().getStatus()).isEqualTo(Status.UP);
            assertThat(database.slots()).containsExactly(database.slot);
        });
    }

    private static OutboxWriter outbox() {
        return service.getBean(OutboxWriter.class);
    }

    private static TransactionTemplate transactions() {
        return service.getBean(TransactionTemplate.class);
    }

    private static void inTransaction(java.util.function.Consumer<OutboxWriter> work) {
        transactions().executeWithoutResult(status -> work.accept(outbox()));
    }

    private static List<DocumentReceived> versions(UUID document, int from, int to) {
        return range(from, to).stream()
                .map(version -> TestEvents.documentReceived(document, version))
                .toList();
    }

    private static List<Integer> range(int from, int to) {
        List<Integer> range = new ArrayList<>();
        for (int i = from; i <= to; i++) {
            range.add(i);
        }
        return range;
    }

    private static Set<UUID> ids(Collection<? extends DomainEvent> events) {
        return events.stream().map(DomainEvent::eventId).collect(Collectors.toSet());
    }

    private static Map<UUID, ConsumerRecord<String, byte[]>> awaitRecords(Set<UUID> eventIds) {
        Map<UUID, ConsumerRecord<String, byte[]>> found = new HashMap<>();
        await().atMost(DELIVERY).untilAsserted(() -> {
            found.clear();
            readAll().stream()
                    .filter(record -> eventIds.contains(eventId(record)))
                    .forEach(record -> found.putIfAbsent(eventId(record), record));
            assertThat(found.keySet()).containsExactlyInAnyOrderElementsOf(eventIds);
        });
        return found;
    }

    /** The versions of one document's DocumentReceived events in the order its partition holds them. */
    private static List<Integer> versionsInPartitionOrder(UUID document) {
        return readAll().stream()
                .filter(record -> record.key().equals(document.toString()))
                .map(record -> EventJson.mapper()
                        .readValue(record.value(), DocumentReceived.class)
                        .version())
                .toList();
    }

    /** Everything on both topics so far, partition by partition in offset order. */
    private static List<ConsumerRecord<String, byte[]>> readAll() {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false);
        try (KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : List.of(Topics.DOCUMENTS_LIFECYCLE, Topics.IDENTITY_AUDIT)) {
                consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))
                    && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            records.sort(java.util.Comparator.comparing((ConsumerRecord<String, byte[]> r) -> r.topic())
                    .thenComparingInt(ConsumerRecord::partition)
                    .thenComparingLong(ConsumerRecord::offset));
            return records;
        }
    }

    private static UUID eventId(ConsumerRecord<String, byte[]> record) {
        return UUID.fromString(headers(record).get(EventHeaders.ID));
    }

    private static Map<String, String> headers(ConsumerRecord<String, byte[]> record) {
        return StreamSupport.stream(record.headers().spliterator(), false)
                .collect(Collectors.toMap(
                        Header::key, header -> new String(header.value(), StandardCharsets.UTF_8), (a, b) -> b));
    }
}
