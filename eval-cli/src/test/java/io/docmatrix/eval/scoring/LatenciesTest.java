package io.docmatrix.eval.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LatenciesTest {

    @Test
    void percentilesOfOneToOneHundredMilliseconds() {
        Latencies latencies = new Latencies();
        for (int ms = 1; ms <= 100; ms++) {
            latencies.record(Duration.ofMillis(ms));
        }

        Latencies.Summary summary = latencies.summary();

        assertThat(summary.count()).isEqualTo(100);
        assertThat(summary.p50Ms()).isCloseTo(50, within(0.1));
        assertThat(summary.p95Ms()).isCloseTo(95, within(0.1));
        assertThat(summary.p99Ms()).isCloseTo(99, within(0.1));
        assertThat(summary.maxMs()).isCloseTo(100, within(0.1));
        assertThat(summary.meanMs()).isCloseTo(50.5, within(0.1));
    }

    @Test
    void anEmptyRecorderReportsZeros() {
        assertThat(new Latencies().summary()).isEqualTo(new Latencies.Summary(0, 0, 0, 0, 0, 0));
    }
}
