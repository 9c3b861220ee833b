package io.docmatrix.bench.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.docmatrix.bench.platform.PlatformClient.Answer;
import io.docmatrix.bench.report.Results.QueryLoad;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

class ClosedLoopLoadTest {

    @Test
    void stopsAtTheRequestBudgetGivesEveryCallItsOwnNumberAndCountsErrorsApart() throws Exception {
        Set<Long> numbers = ConcurrentHashMap.newKeySet();

        QueryLoad load = ClosedLoopLoad.run(10, "search", "gateway", 4, Duration.ofSeconds(30), 200, n -> {
            numbers.add(n);
            return new Answer(n % 10 == 0 ? 503 : 200, "{}", 2_000_000);
        });

        assertThat(load.requests()).isEqualTo(200);
        assertThat(load.errors()).isEqualTo(20);
        assertThat(load.latency().count()).isEqualTo(180);
        assertThat(load.latency().p50Ms()).isEqualTo(2.0);
        assertThat(numbers).hasSize(200);
    }

    @Test
    void stopsAtTheTimeLimit() throws Exception {
        long started = System.nanoTime();

        QueryLoad load = ClosedLoopLoad.run(10, "search", "gateway", 2, Duration.ofMillis(300), Long.MAX_VALUE, n -> {
            Thread.sleep(5);
            return new Answer(200, "{}", 5_000_000);
        });

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
        assertThat(load.requests()).isBetween(10L, 200L);
    }
}
