package io.docmatrix.runtime.observability;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.kafka.config.AbstractKafkaListenerContainerFactory;

/**
 * Turns on Spring Kafka's observation for every listener container, unless a service sets
 * {@code spring.kafka.listener.observation-enabled=false}: each record then runs in a consumer span whose parent is
 * the record's {@code traceparent} header, so what a listener appends to the outbox or queues for a worker continues
 * the producer's trace. Boot leaves it off by default.
 */
final class KafkaListenerObservation implements BeanPostProcessor {

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof AbstractKafkaListenerContainerFactory<?, ?, ?> factory) {
            factory.getContainerProperties().setObservationEnabled(true);
        }
        return bean;
    }
}
