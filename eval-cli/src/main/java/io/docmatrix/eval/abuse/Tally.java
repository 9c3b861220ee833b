package io.docmatrix.eval.abuse;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/** What a suite counted while it ran: named counters, violations, and the latency of every probe. */
public final class Tally {

    private static final int MAX_LISTED_VIOLATIONS = 200;

    private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();
    private final List<Violation> violations = Collections.synchronizedList(new ArrayList<>());
    private final AtomicLong violationCount = new AtomicLong();
    private final Histogram latencyMicros = new ConcurrentHistogram(3);

    public void count(String name) {
        add(name, 1);
    }

    public void add(String name, long delta) {
        counts.computeIfAbsent(name, n -> new AtomicLong()).addAndGet(delta);
    }

    public long get(String name) {
        AtomicLong value = counts.get(name);
        return value == null ? 0 : value.get();
    }

    public void latency(Duration elapsed) {
        latencyMicros.recordValue(Math.max(1, elapsed.toNanos() / 1000));
    }

    /** Records a broken promise; the first few are listed in the report, all are counted. */
    public void violation(String kind, String subject, String detail) {
        violationCount.incrementAndGet();
        add("violations." + kind, 1);
        if (violations.size() < MAX_LISTED_VIOLATIONS) {
            violations.add(new Violation(kind, subject, detail));
        }
    }

    public long violationCount() {
        return violationCount.get();
    }

    public SuiteResult result(String suite, boolean smoke, Duration duration) {
        Map<String, Long> snapshot = new TreeMap<>();
        counts.forEach((k, v) -> snapshot.put(k, v.get()));
        Latency latency = latencyMicros.getTotalCount() == 0
                ? new Latency(0, 0, 0, 0, 0)
                : new Latency(
                        latencyMicros.getTotalCount(),
                        latencyMicros.getValueAtPercentile(50) / 1000.0,
                        latencyMicros.getValueAtPercentile(95) / 1000.0,
                        latencyMicros.getValueAtPercentile(99) / 1000.0,
                        latencyMicros.getMaxValue() / 1000.0);
        return new SuiteResult(
                suite,
                smoke ? "smoke" : "full",
                violationCount.get() == 0,
                violationCount.get(),
                duration.toMillis(),
                snapshot,
                latency,
                List.copyOf(violations));
    }

    /** One broken promise. */
    public record Violation(String kind, String subject, String detail) {}

    /** Probe latencies in milliseconds. */
    public record Latency(long probes, double p50Ms, double p95Ms, double p99Ms, double maxMs) {}
}
