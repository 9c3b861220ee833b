package io.docmatrix.runtime.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaConsumerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;

/**
 * The consumer kit: {@link ProcessedEvents} over the service's database, String keys and byte[] values for every
 * listener container (decoded by {@link InboundEvents}, so a bad value fails in the listener, where the error handler
 * sees it, rather than in the poll loop), and one {@link DefaultErrorHandler} with exponential back-off and
 * dead-lettering to {@code <topic>.<service>.dlt}. Boot's listener container factory picks up the handler bean.
 */
@AutoConfiguration(
        afterName = {
            "org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration",
            "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration"
        })
@EnableConfigurationProperties(MessagingProperties.class)
public class MessagingAutoConfiguration {

    @Bean
    @ConditionalOnClass(JdbcTemplate.class)
    @ConditionalOnBean(JdbcTemplate.class)
    @ConditionalOnMissingBean(ProcessedEvents.class)
    ProcessedEvents processedEvents(JdbcTemplate jdbc) {
        return new JdbcProcessedEvents(jdbc);
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass({DefaultErrorHandler.class, DefaultKafkaConsumerFactoryCustomizer.class})
    static class ListenerErrorHandling {

        @Bean
        DefaultKafkaConsumerFactoryCustomizer docmatrixByteArrayValues() {
            return factory -> {
                @SuppressWarnings("unchecked")
                DefaultKafkaConsumerFactory<String, byte[]> bytes =
                        (DefaultKafkaConsumerFactory<String, byte[]>) factory;
                bytes.setKeyDeserializerSupplier(StringDeserializer::new);
                bytes.setValueDeserializerSupplier(ByteArrayDeserializer::new);
            };
        }

        @Bean
        @ConditionalOnBean(ProducerFactory.class)
        @ConditionalOnMissingBean(CommonErrorHandler.class)
        DeadLetterProducer docmatrixDeadLetterProducer(ProducerFactory<?, ?> producerFactory) {
            return new DeadLetterProducer(producerFactory);
        }

        @Bean
        @ConditionalOnBean(DeadLetterProducer.class)
        @ConditionalOnMissingBean(CommonErrorHandler.class)
        DefaultErrorHandler docmatrixErrorHandler(
                DeadLetterProducer producer,
                MessagingProperties properties,
                ObjectProvider<MeterRegistry> meters,
                @Value("${spring.application.name:}") String service) {
            if (service.isBlank()) {
                throw new IllegalStateException(
                        "spring.application.name must be set: it names the dead-letter topics (<topic>.<service>.dlt)");
            }
            MessagingProperties.Retry retry = properties.retry();
            ExponentialBackOffWithMaxRetries backOff = new ExponentialBackOffWithMaxRetries(retry.attempts());
            backOff.setInitialInterval(retry.initialInterval().toMillis());
            backOff.setMultiplier(retry.multiplier());
            backOff.setMaxInterval(retry.maxInterval().toMillis());
            DefaultErrorHandler handler = new DefaultErrorHandler(
                    DeadLetters.recoverer(producer.template(), service, meters.getIfAvailable(), Clock.systemUTC()),
                    backOff);
            // Retrying cannot fix a record that does not decode or whose type is unknown.
            handler.addNotRetryableExceptions(UndeliverableEventException.class);
            return handler;
        }

        // Providers, not parameters: the registries' auto-configurations may come after this one.
        @Bean
        DeadLetterCounters docmatrixDeadLetterCounters(
                ObjectProvider<MeterRegistry> meters, ObjectProvider<KafkaListenerEndpointRegistry> listeners) {
            return new DeadLetterCounters(meters, listeners);
        }
    }
}
