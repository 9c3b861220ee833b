package io.docmatrix.runtime.messaging;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;

/**
 * The producer dead letters are sent with: the service's producer settings (brokers, security) with the serializers
 * of a raw copy, so a dead letter carries the original bytes, never a re-serialized value. Kept out of the
 * {@code ProducerFactory}/{@code KafkaTemplate} bean types so it never competes with the service's own beans.
 */
final class DeadLetterProducer implements DisposableBean {

    private final DefaultKafkaProducerFactory<String, byte[]> factory;
    private final KafkaTemplate<String, byte[]> template;

    DeadLetterProducer(ProducerFactory<?, ?> service) {
        Map<String, Object> config = new HashMap<>(service.getConfigurationProperties());
        config.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        this.factory = new DefaultKafkaProducerFactory<>(config);
        this.template = new KafkaTemplate<>(factory);
    }

    KafkaTemplate<String, byte[]> template() {
        return template;
    }

    @Override
    public void destroy() {
        factory.destroy();
    }
}
