package io.docmatrix.runtime.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcOperations;

/**
 * Deletes outbox rows older than the retention and samples the replication slot's lag and the outbox backlog, off the
 * scrape path. Deleting a row the relay has
 * not sent yet loses nothing: the relay reads the insert from the WAL, which the slot retains until it is confirmed,
 * and the publication skips deletes. Rows are kept only as an audit aid.
 */
final class OutboxMaintenance implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxMaintenance.class);

    /** The gauge's value while the slot does not exist (yet). */
    static final long NO_SLOT = -1;

    private final OutboxProperties properties;
    private final String slot;
    private final JdbcOperations jdbc;
    private final Supplier<@Nullable String> lastRelayedId;
    private final Instant startedAt = Instant.now();
    private final AtomicLong slotLagBytes = new AtomicLong(NO_SLOT);
    private final AtomicLong backlog = new AtomicLong();
    private volatile @Nullable ScheduledExecutorService scheduler;

    OutboxMaintenance(
            OutboxProperties properties,
            String slot,
            Supplier<@Nullable String> lastRelayedId,
            JdbcOperations jdbc,
            @Nullable MeterRegistry meters) {
        this.properties = properties;
        this.slot = slot;
        this.lastRelayedId = lastRelayedId;
        this.jdbc = jdbc;
        if (meters != null) {
            Gauge.builder("docmatrix.outbox.backlog", backlog, AtomicLong::get)
                    .description("Outbox rows written after the newest event Kafka acknowledged (since the relay"
                            + " started, before its first acknowledgement): events waiting to be relayed")
                    .tag("slot", slot)
                    .register(meters);
            Gauge.builder("docmatrix.outbox.slot.lag.bytes", slotLagBytes, AtomicLong::get)
                    .description("WAL bytes the outbox replication slot retains beyond its confirmed position; -1"
                            + " while the slot does not exist")
                    .baseUnit("bytes")
                    .tag("slot", slot)
                    .register(meters);
        }
    }

    /** Deletes rows older than the retention; returns how many. */
    int deleteExpired() {
        return jdbc.update(
                "DELETE FROM " + properties.qualifiedTable() + " WHERE created_at < now() - make_interval(secs => ?)",
                (double) properties.retention().toSeconds());
    }

    /** Reads the slot's lag into the gauge and returns it. */
    long refreshSlotLag() {
        List<Long> lag = jdbc.queryForList(
                "SELECT coalesce(pg_wal_lsn_diff(pg_current_wal_lsn(), confirmed_flush_lsn), 0)::bigint"
                        + " FROM pg_replication_slots WHERE slot_name = ? AND database = current_database()",
                Long.class,
                slot);
        long value = lag.isEmpty() || lag.get(0) == null ? NO_SLOT : lag.get(0);
        slotLagBytes.set(value);
        return value;
    }

    /**
     * Counts rows created after the newest relayed one. Commit order and {@code created_at} order can differ by the
     * length of a transaction, so this is an estimate good to a few rows, which is what an alert on a growing backlog
     * needs; the slot lag is the exact measure in bytes.
     */
    long refreshBacklog() {
        String relayed = lastRelayedId.get();
        Long count = relayed == null
                ? jdbc.queryForObject(
                        "SELECT count(*) FROM " + properties.qualifiedTable() + " WHERE created_at >= ?",
                        Long.class,
                        java.sql.Timestamp.from(startedAt))
                : jdbc.queryForObject(
                        "SELECT count(*) FROM " + properties.qualifiedTable() + " WHERE created_at > coalesce("
                                + "(SELECT created_at FROM " + properties.qualifiedTable() + " WHERE id = ?::uuid),"
                                + " ?)",
                        Long.class,
                        relayed,
                        java.sql.Timestamp.from(startedAt));
        long value = count == null ? 0 : count;
        backlog.set(value);
        return value;
    }

    private void runOnce() {
        try {
            int deleted = deleteExpired();
            if (deleted > 0) {
                log.debug("Deleted {} outbox rows older than {}", deleted, properties.retention());
            }
            refreshSlotLag();
            refreshBacklog();
        } catch (RuntimeException e) {
            // The database may be down; the dependency watch reports that. Try again next interval.
            log.warn("Outbox maintenance failed: {}", e.getMessage());
        }
    }

    @Override
    public void start() {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "outbox-maintenance");
            thread.setDaemon(true);
            return thread;
        });
        long interval = properties.cleanupInterval().toMillis();
        executor.scheduleWithFixedDelay(this::runOnce, interval, interval, TimeUnit.MILLISECONDS);
        scheduler = executor;
    }

    @Override
    public void stop() {
        ScheduledExecutorService executor = scheduler;
        if (executor != null) {
            executor.shutdownNow();
            scheduler = null;
        }
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }
}
