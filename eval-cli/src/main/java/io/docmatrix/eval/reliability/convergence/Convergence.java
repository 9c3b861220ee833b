package io.docmatrix.eval.reliability.convergence;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Waits, bounded, until lag, outbox backlog and unfinished documents are all zero twice in a row. */
public final class Convergence {

    private static final Logger log = LoggerFactory.getLogger(Convergence.class);
    private static final Duration SAMPLE = Duration.ofSeconds(3);

    private final ConsumerLag lag;
    private final OutboxBacklog outbox;
    private final LongSupplier unfinishedDocuments;

    public Convergence(ConsumerLag lag, OutboxBacklog outbox, LongSupplier unfinishedDocuments) {
        this.lag = lag;
        this.outbox = outbox;
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
        Map<String, Long> backlog = outbox.backlog();
        sample.put("outboxBacklog", backlog);
        quiet &= backlog.values().stream().allMatch(v -> v == 0);
        long unfinished = unfinishedDocuments.getAsLong();
        sample.put("unfinishedDocuments", unfinished);
        quiet &= unfinished == 0;
        sample.put("quiet", quiet);
        return sample;
    }

    private static long seconds(long started) {
        return Duration.ofNanos(System.nanoTime() - started).toSeconds();
    }
}
