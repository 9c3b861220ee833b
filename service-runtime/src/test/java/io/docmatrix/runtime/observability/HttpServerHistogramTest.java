package io.docmatrix.runtime.observability;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import org.junit.jupiter.api.Test;

class HttpServerHistogramTest {

    private final MeterFilter filter = new ObservabilityAutoConfiguration().docmatrixHttpServerHistogram();

    @Test
    void publishesTheHttpServerTimerAsAPercentileHistogram() {
        Meter.Id id =
                new Meter.Id("http.server.requests", Tags.of("uri", "/api/v1/documents"), null, null, Meter.Type.TIMER);

        DistributionStatisticConfig config = filter.configure(id, DistributionStatisticConfig.DEFAULT);

        assertThat(config).isNotNull();
        assertThat(config.isPercentileHistogram()).isTrue();
    }

    @Test
    void leavesOtherTimersAlone() {
        Meter.Id id = new Meter.Id("docmatrix.something", Tags.empty(), null, null, Meter.Type.TIMER);

        DistributionStatisticConfig config = filter.configure(id, DistributionStatisticConfig.DEFAULT);

        assertThat(config).isSameAs(DistributionStatisticConfig.DEFAULT);
    }
}
