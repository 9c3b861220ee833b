package io.docmatrix.runtime.outbox;

import io.debezium.engine.ChangeEvent;
import io.debezium.engine.DebeziumEngine;
import io.debezium.engine.format.Json;
import io.docmatrix.runtime.observability.TraceContinuation;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.Health;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;

/**
 * Runs the Debezium embedded engine that streams committed outbox inserts from this service's replication slot to
 * Kafka. Starts in the background so the service starts without its database; when the engine stops with an error
 * (database or Kafka gone, slot taken), it logs why and starts a fresh engine after a capped exponential back-off.
 */
final class OutboxRelay implements SmartLifecycle, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);

    enum State {
        STOPPED,
        STARTING,
        RUNNING,
        FAILED
    }

    /** Connection settings of the service's database, from its DataSource properties. */
    record Connection(String jdbcUrl, String user, String password) {}

    private final OutboxProperties properties;
    private final String slot;
    private final String publication;
    private final Connection connection;
    private final JdbcOperations jdbc;
    private final DefaultKafkaProducerFactory<String, byte[]> producers;
    private final OutboxPublisher publisher;
    private final Object lock = new Object();
    private final AtomicInteger failuresInARow = new AtomicInteger();

    private volatile boolean running;
    private volatile State state = State.STOPPED;
    private volatile @Nullable String lastError;
    private volatile @Nullable Instant lastErrorAt;
    private volatile int restarts;
    private @Nullable DebeziumEngine<ChangeEvent<String, String>> engine;
    private @Nullable ExecutorService engineThread;
    private @Nullable ScheduledExecutorService restarter;

    OutboxRelay(
            OutboxProperties properties,
            String service,
            Connection connection,
            JdbcOperations jdbc,
            ProducerFactory<?, ?> serviceProducers,
            @Nullable MeterRegistry meters,
            @Nullable TraceContinuation traces) {
        this.properties = properties;
        this.slot = properties.slotName(service);
        this.publication = properties.publicationName(service);
        this.connection = connection;
        this.jdbc = jdbc;
        this.producers = new DefaultKafkaProducerFactory<>(producerConfig(serviceProducers));
        this.publisher = new OutboxPublisher(
                new KafkaTemplate<>(producers), properties.sendTimeout(), meters, () -> failuresInARow.set(0), traces);
    }

    /**
     * The service's producer settings (brokers, security) made safe for relaying: every replica acknowledges, and the
     * idempotent producer neither duplicates on its own retries nor reorders a partition.
     */
    private static Map<String, Object> producerConfig(ProducerFactory<?, ?> service) {
        Map<String, Object> config = new HashMap<>(service.getConfigurationProperties());
        config.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        return config;
    }

    String slot() {
        return slot;
    }

    String publication() {
        return publication;
    }

    /** The id of the newest event Kafka acknowledged since this relay started, if any. */
    @Nullable
    String lastRelayedId() {
        return publisher.lastRelayedId();
    }

    State state() {
        return state;
    }

    int restarts() {
        return restarts;
    }

    @Override
    public void start() {
        synchronized (lock) {
            if (running) {
                return;
            }
            running = true;
            state = State.STARTING;
            ScheduledExecutorService scheduler =
                    Executors.newSingleThreadScheduledExecutor(daemon("outbox-relay-" + slot));
            restarter = scheduler;
            scheduler.execute(this::launch);
        }
    }

    /** Creates and runs a fresh engine; engines cannot be restarted once stopped. */
    private void launch() {
        synchronized (lock) {
            if (!running) {
                return;
            }
            try {
                forgetOffsetsOfAMissingSlot();
                DebeziumEngine<ChangeEvent<String, String>> next = DebeziumEngine.create(
                                Json.class, Json.class, Json.class)
                        .using(engineProperties())
                        .notifying(publisher)
                        .using(new DebeziumEngine.ConnectorCallback() {
                            @Override
                            public void taskStarted() {
                                state = State.RUNNING;
                                log.info("Outbox relay streaming from slot {} (publication {})", slot, publication);
                            }
                        })
                        .using(this::completed)
                        .build();
                ExecutorService thread = Executors.newSingleThreadExecutor(daemon("outbox-engine-" + slot));
                engine = next;
                engineThread = thread;
                thread.execute(next);
            } catch (RuntimeException e) {
                failed("could not start: " + e.getMessage(), e);
            }
        }
    }

    /**
     * Stored offsets point into one slot's stream. If the slot is gone (dropped by an operator, or a new database), the
     * offsets would make Debezium ask a fresh slot for a position it never had, so they are discarded and the new slot
     * starts at the current end of the WAL.
     */
    private void forgetOffsetsOfAMissingSlot() {
        jdbc.execute(JdbcOffsetStore.createTable(properties.qualifiedOffsetTable()));
        Integer slots = jdbc.queryForObject(
                "SELECT count(*) FROM pg_replication_slots WHERE slot_name = ? AND database = current_database()",
                Integer.class,
                slot);
        if (slots != null && slots == 0) {
            int forgotten =
                    jdbc.update("DELETE FROM " + properties.qualifiedOffsetTable() + " WHERE slot_name = ?", slot);
            if (forgotten > 0) {
                log.warn(
                        "Replication slot {} is missing: discarded its stored offsets; events committed while no slot"
                                + " existed were not relayed",
                        slot);
            }
        }
    }

    private Properties engineProperties() {
        DatabaseAddress address = DatabaseAddress.fromJdbcUrl(connection.jdbcUrl());
        Properties config = new Properties();
        config.setProperty("name", slot);
        config.setProperty("connector.class", "io.debezium.connector.postgresql.PostgresConnector");
        config.setProperty("plugin.name", "pgoutput");
        config.setProperty("slot.name", slot);
        config.setProperty("publication.name", publication);
        config.setProperty("publication.autocreate.mode", "filtered");
        config.setProperty("database.hostname", address.host());
        config.setProperty("database.port", Integer.toString(address.port()));
        config.setProperty("database.dbname", address.database());
        config.setProperty("database.user", connection.user());
        config.setProperty("database.password", connection.password());
        config.setProperty("topic.prefix", slot);
        config.setProperty("table.include.list", properties.schema() + "\\." + properties.table());
        // The table is a queue, not state to copy: start at the end of the WAL, never snapshot existing rows.
        config.setProperty("snapshot.mode", "no_data");
        // Only inserts are events; the cleanup's deletes (and any update) must never reach Kafka.
        config.setProperty("skipped.operations", "u,d,t");
        config.setProperty("tombstones.on.delete", "false");
        config.setProperty(
                "heartbeat.interval.ms",
                Long.toString(properties.heartbeatInterval().toMillis()));
        config.setProperty(
                "poll.interval.ms", Long.toString(properties.pollInterval().toMillis()));
        config.setProperty("offset.storage", JdbcOffsetStore.class.getName());
        config.setProperty(
                "offset.flush.interval.ms",
                Long.toString(properties.offsetFlushInterval().toMillis()));
        config.setProperty(JdbcOffsetStore.URL, connection.jdbcUrl());
        config.setProperty(JdbcOffsetStore.USER, connection.user());
        config.setProperty(JdbcOffsetStore.PASSWORD, connection.password());
        config.setProperty(JdbcOffsetStore.TABLE, properties.qualifiedOffsetTable());
        config.setProperty(JdbcOffsetStore.SLOT, slot);
        config.setProperty("key.converter.schemas.enable", "false");
        config.setProperty("value.converter.schemas.enable", "false");
        config.setProperty("header.converter.schemas.enable", "false");
        return config;
    }

    private void completed(boolean success, String message, @Nullable Throwable error) {
        if (!running) {
            state = State.STOPPED;
            return;
        }
        failed(success ? "engine stopped by itself: " + message : message, error);
    }

    private void failed(String message, @Nullable Throwable error) {
        int failures = failuresInARow.incrementAndGet();
        Duration delay = backoff(failures);
        state = State.FAILED;
        lastError = error == null ? message : message + " (" + rootMessage(error) + ")";
        lastErrorAt = Instant.now();
        log.error(
                "Outbox relay on slot {} stopped: {}; events wait in the WAL, restarting in {} ms",
                slot,
                lastError,
                delay.toMillis(),
                error);
        ScheduledExecutorService scheduler = restarter;
        if (running && scheduler != null && !scheduler.isShutdown()) {
            scheduler.schedule(
                    () -> {
                        restarts++;
                        closeEngine();
                        launch();
                    },
                    delay.toMillis(),
                    TimeUnit.MILLISECONDS);
        }
    }

    Duration backoff(int failures) {
        Duration max = properties.maxRestartBackoff();
        Duration delay = FIRST_BACKOFF.multipliedBy(1L << Math.min(failures - 1, 20));
        return delay.compareTo(max) > 0 ? max : delay;
    }

    private static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    @Override
    public void stop() {
        synchronized (lock) {
            if (!running) {
                return;
            }
            running = false;
            ScheduledExecutorService scheduler = restarter;
            if (scheduler != null) {
                scheduler.shutdownNow();
                restarter = null;
            }
            closeEngine();
            state = State.STOPPED;
            log.info("Outbox relay on slot {} stopped", slot);
        }
    }

    /** Closes the engine (which flushes the offsets of acknowledged records) and waits for its thread. */
    private void closeEngine() {
        synchronized (lock) {
            DebeziumEngine<ChangeEvent<String, String>> current = engine;
            ExecutorService thread = engineThread;
            engine = null;
            engineThread = null;
            if (current != null) {
                try {
                    current.close();
                } catch (IOException | RuntimeException e) {
                    log.warn("Outbox engine on slot {} did not close cleanly: {}", slot, e.getMessage());
                }
            }
            if (thread != null) {
                thread.shutdown();
                try {
                    if (!thread.awaitTermination(30, TimeUnit.SECONDS)) {
                        thread.shutdownNow();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public void destroy() {
        stop();
        producers.destroy();
    }

    /** UP while the engine streams; DOWN while it starts, after a failure (until it is back) and when stopped. */
    Health health() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("state", state.name());
        details.put("slot", slot);
        details.put("publication", publication);
        details.put("restarts", restarts);
        String error = lastError;
        if (error != null) {
            details.put("lastError", error);
            details.put("lastErrorAt", String.valueOf(lastErrorAt));
        }
        return (state == State.RUNNING ? Health.up() : Health.down())
                .withDetails(details)
                .build();
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
