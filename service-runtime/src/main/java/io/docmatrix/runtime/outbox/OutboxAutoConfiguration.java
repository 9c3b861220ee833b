package io.docmatrix.runtime.outbox;

import io.debezium.engine.DebeziumEngine;
import io.docmatrix.runtime.observability.TraceContinuation;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Tracer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.ProducerFactory;

/**
 * The outbox: an {@link OutboxWriter} wherever the service has a {@link JdbcTemplate}, and, with
 * {@code docmatrix.outbox.enabled=true} and Spring Kafka configured, the relay with its cleanup, the {@code outbox}
 * health indicator (add it to the readiness group) and metrics.
 */
@AutoConfiguration(
        afterName = {
            "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration",
            "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration"
        })
@ConditionalOnClass(JdbcTemplate.class)
@EnableConfigurationProperties(OutboxProperties.class)
public class OutboxAutoConfiguration {

    @Bean
    @ConditionalOnBean(JdbcTemplate.class)
    @ConditionalOnMissingBean(OutboxWriter.class)
    OutboxWriter outboxWriter(JdbcTemplate jdbc, OutboxProperties properties, ObjectProvider<TraceContext> trace) {
        return new JdbcOutboxWriter(jdbc, properties.qualifiedTable(), trace.getIfAvailable(() -> TraceContext.NONE));
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(Tracer.class)
    static class Tracing {

        @Bean
        TraceContext outboxTraceContext(ObjectProvider<Tracer> tracer) {
            return new MicrometerTraceContext(tracer);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(prefix = "docmatrix.outbox", name = "enabled", havingValue = "true")
    @ConditionalOnClass({DebeziumEngine.class, ProducerFactory.class})
    @ConditionalOnBean({JdbcTemplate.class, DataSourceProperties.class, ProducerFactory.class})
    static class Relay {

        @Bean
        OutboxRelay outboxRelay(
                OutboxProperties properties,
                DataSourceProperties dataSource,
                JdbcTemplate jdbc,
                ProducerFactory<?, ?> producers,
                ObjectProvider<MeterRegistry> meters,
                ObjectProvider<TraceContinuation> traces,
                @Value("${spring.application.name:}") String service) {
            if (service.isBlank() && properties.slotName() == null) {
                throw new IllegalStateException(
                        "set spring.application.name or docmatrix.outbox.slot-name: the relay's slot is named after it");
            }
            String password = dataSource.determinePassword();
            OutboxRelay.Connection connection = new OutboxRelay.Connection(
                    dataSource.determineUrl(), dataSource.determineUsername(), password == null ? "" : password);
            return new OutboxRelay(
                    properties, service, connection, jdbc, producers, meters.getIfAvailable(), traces.getIfAvailable());
        }

        @Bean
        OutboxMaintenance outboxMaintenance(
                OutboxProperties properties,
                OutboxRelay relay,
                JdbcTemplate jdbc,
                ObjectProvider<MeterRegistry> meters) {
            return new OutboxMaintenance(properties, relay.slot(), relay::lastRelayedId, jdbc, meters.getIfAvailable());
        }

        @Bean(name = "outboxHealthIndicator")
        HealthIndicator outboxHealthIndicator(OutboxRelay relay) {
            return relay::health;
        }
    }
}
