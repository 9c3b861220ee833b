package io.docmatrix.eval.scoring;

import java.time.Duration;
import org.HdrHistogram.Histogram;

/**
 * Latency percentiles of one kind of call, recorded in microseconds with three significant digits (HdrHistogram), so
 * p99 of a few hundred calls is exact to 0.1% without keeping every sample.
 */
public final class Latencies {

    // One hour: far beyond any client timeout; a longer value would be a measurement error, clamped rather than lost.
    private static final long MAX_MICROS = Duration.ofHours(1).toNanos() / 1_000;

    private final Histogram histogram = new Histogram(MAX_MICROS, 3);

    public synchronized void record(Duration elapsed) {
        long micros = Math.max(1, Math.min(MAX_MICROS, elapsed.toNanos() / 1_000));
        histogram.recordValue(micros);
    }

    public synchronized Summary summary() {
        long count = histogram.getTotalCount();
        if (count == 0) {
            return new Summary(0, 0, 0, 0, 0, 0);
        }
        return new Summary(
                count,
                millis(histogram.getValueAtPercentile(50)),
                millis(histogram.getValueAtPercentile(95)),
                millis(histogram.getValueAtPercentile(99)),
                millis(histogram.getMaxValue()),
                Math.round(histogram.getMean()) / 1000.0);
    }

    private static double millis(long micros) {
        return micros / 1000.0;
    }

    /** Percentiles in milliseconds. */
    public record Summary(long count, double p50Ms, double p95Ms, double p99Ms, double maxMs, double meanMs) {}
}
