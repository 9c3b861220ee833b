package io.docmatrix.runtime.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * The {@code docmatrix.kafka.dead.lettered} counter per consumed topic. Registered at zero for every topic a listener
 * of this service consumes as soon as the containers exist, so the series is present before the first dead letter:
 * an alert on {@code increase(...)} then sees the first one, and the metrics smoke check finds the name.
 */
final class DeadLetterCounters implements ApplicationListener<ContextRefreshedEvent> {

    static final String NAME = "docmatrix.kafka.dead.lettered";

    private final ObjectProvider<MeterRegistry> meters;
    private final ObjectProvider<KafkaListenerEndpointRegistry> listeners;

    DeadLetterCounters(ObjectProvider<MeterRegistry> meters, ObjectProvider<KafkaListenerEndpointRegistry> listeners) {
        this.meters = meters;
        this.listeners = listeners;
    }

    static Counter counter(MeterRegistry meters, String topic) {
        return Counter.builder(NAME)
                .description("Records a consumer gave up on and sent to its dead-letter topic")
                .tag("topic", topic)
                .register(meters);
    }

    @Override
    public void onApplicationEvent(ContextRefreshedEvent event) {
        MeterRegistry registry = meters.getIfAvailable();
        KafkaListenerEndpointRegistry containers = listeners.getIfAvailable();
        if (registry != null && containers != null) {
            consumedTopics(containers).forEach(topic -> counter(registry, topic));
        }
    }

    static Set<String> consumedTopics(KafkaListenerEndpointRegistry containers) {
        Set<String> topics = new TreeSet<>();
        for (MessageListenerContainer container : containers.getAllListenerContainers()) {
            String[] names = container.getContainerProperties().getTopics();
            if (names != null) {
                topics.addAll(Set.of(names));
            }
        }
        return topics;
    }
}
