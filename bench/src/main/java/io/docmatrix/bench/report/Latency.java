package io.docmatrix.bench.report;

import org.HdrHistogram.Histogram;

/**
 * Percentiles of one latency distribution in milliseconds, read from an HdrHistogram that recorded microseconds.
 *
 * @param count recorded values
 */
public record Latency(long count, double p50Ms, double p95Ms, double p99Ms, double maxMs, double meanMs) {

    /** The highest value a histogram records: one hour in microseconds; longer calls are clamped, never lost. */
    public static final long HIGHEST_MICROS = 3_600_000_000L;

    public static Histogram histogram() {
        // Three significant digits: 0.1% resolution at any magnitude, fixed memory.
        return new Histogram(HIGHEST_MICROS, 3);
    }

    public static Latency of(Histogram micros) {
        if (micros.getTotalCount() == 0) {
            return new Latency(0, 0, 0, 0, 0, 0);
        }
        return new Latency(
                micros.getTotalCount(),
                ms(micros.getValueAtPercentile(50)),
                ms(micros.getValueAtPercentile(95)),
                ms(micros.getValueAtPercentile(99)),
                ms(micros.getMaxValue()),
                Math.round(micros.getMean()) / 1000.0);
    }

    /** Records a duration in nanoseconds, clamped into the histogram's range. */
    public static void record(Histogram micros, long nanos) {
        micros.recordValue(Math.max(0, Math.min(HIGHEST_MICROS, nanos / 1000)));
    }

    private static double ms(long micros) {
        return micros / 1000.0;
    }
}
