package io.docmatrix.eval.reliability.convergence;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Waits, bounded, until lag, outbox backlog and unfinished documents are all zero twice in a row. */
public final class Convergence {

    private static final Logger log = LoggerFactory.getLogger(Convergence.class);
    private static final Duration SAMPLE = Duration.ofSeconds(3);

    private final ConsumerLag lag;
    private final OutboxBacklog outbox;
    private final Supplier<Map<String, Long>> unrelayed;
    private final LongSupplier unfinishedDocuments;

    /**
     * @param outbox the services' own backlog gauges, reported beside the exact measure (the gauge is an estimate)
     * @param unrelayed per service, outbox events written during the run that are not on Kafka (-1: unknown)
     */
    public Convergence(
            ConsumerLag lag,
            OutboxBacklog outbox,
            Supplier<Map<String, Long>> unrelayed,
            LongSupplier unfinishedDocuments) {
        this.lag = lag;
        this.outbox = outbox;
        this.unrelayed = unrelayed;
        this.unfinishedDocuments = unfinishedDocuments;
    }

    /** The result: converged or not, how long it took, and the last sample (what was still pending on timeout). */
    public record Result(boolean converged, long seconds, Map<String, Object> lastSample) {}

    public Result await(Duration limit) {
        long started = System.nanoTime();
        long deadline = started + limit.toNanos();
        int quietSamples = 0;
        Map<String, Object> sample = Map.of();
        while (System.nanoTime() < deadline) {
            sample = sample();
            if (Boolean.TRUE.equals(sample.get("quiet"))) {
                if (++quietSamples >= 2) {
                    return new Result(true, seconds(started), sample);
                }
            } else {
                quietSamples = 0;
            }
            try {
                Thread.sleep(SAMPLE.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        log.warn("not converged within {}: {}", limit, sample);
        return new Result(false, seconds(started), sample);
    }

    private Map<String, Object> sample() {
        Map<String, Object> sample = new LinkedHashMap<>();
        boolean quiet;
        try {
            Map<String, Long> lags = lag.lagByGroup();
            sample.put("consumerLag", lags);
            quiet = !lags.isEmpty() && lags.values().stream().allMatch(v -> v == 0);
        } catch (RuntimeException e) {
            sample.put("consumerLag", e.getMessage());
            quiet = false;
        }
        long unfinished = unfinishedDocuments.getAsLong();
        sample.put("unfinishedDocuments", unfinished);
        quiet &= unfinished == 0;
        // Reading the topics is the expensive part: only once everything else is quiet.
        if (quiet) {
            Map<String, Long> notRelayed = unrelayed.get();
            sample.put("outboxNotRelayed", notRelayed);
            quiet = notRelayed.values().stream().allMatch(v -> v == 0);
        }
        // The gauge counts rows created after the newest relayed one, so it over-counts after two transactions
        // committed in the opposite order of their start (docs/reliability.md): reported, not waited for.
        sample.put("outboxBacklogGauge", outbox.backlog());
        sample.put("quiet", quiet);
        return sample;
    }

    private static long seconds(long started) {
        return Duration.ofNanos(System.nanoTime() - started).toSeconds();
    }
}
