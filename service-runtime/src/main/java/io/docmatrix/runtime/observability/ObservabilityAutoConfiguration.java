package io.docmatrix.runtime.observability;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.AbstractKafkaListenerContainerFactory;

/**
 * Metrics and trace propagation every service shares: the HTTP server timer ({@code http.server.requests}, servlet
 * and reactive) as a percentile histogram whatever the service's configuration says (the p95 alert and the dashboards
 * compute quantiles from its {@code _bucket} series, and a service without them would silently drop out of both; Boot
 * applies every {@link MeterFilter} bean to its registries), Kafka listener observation (consumer spans continuing
 * the record's trace) and the {@link TraceContinuation} for work queued in a database.
 */
@AutoConfiguration
@ConditionalOnClass(MeterFilter.class)
@EnableConfigurationProperties(MetricsProperties.class)
public class ObservabilityAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    TenantTags tenantTags(MetricsProperties properties) {
        return new TenantTags(properties.maxTenantTags());
    }

    static final String HTTP_SERVER_REQUESTS = "http.server.requests";

    @Bean
    MeterFilter docmatrixHttpServerHistogram() {
        return new MeterFilter() {
            @Override
            public @Nullable DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (!id.getName().equals(HTTP_SERVER_REQUESTS)) {
                    return config;
                }
                return DistributionStatisticConfig.builder()
                        .percentilesHistogram(true)
                        .build()
                        .merge(config);
            }
        };
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(Tracer.class)
    static class Tracing {

        // Providers: the tracing auto-configuration may come after this one, and a service may trace without them.
        @Bean
        @ConditionalOnMissingBean
        TraceContinuation traceContinuation(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
            return new TraceContinuation(tracer, propagator);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(AbstractKafkaListenerContainerFactory.class)
    @ConditionalOnProperty(
            prefix = "spring.kafka.listener",
            name = "observation-enabled",
            havingValue = "true",
            matchIfMissing = true)
    static class KafkaObservation {

        // Static: a BeanPostProcessor must not drag its configuration class into early initialization.
        @Bean
        static KafkaListenerObservation docmatrixKafkaListenerObservation() {
            return new KafkaListenerObservation();
        }
    }
}
