package io.docmatrix.runtime.kafka;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Binds {@link TopicSettings} wherever Spring Kafka is present and creates the service's owned topics in the
 * background (set {@code spring.kafka.admin.auto-create=false} so Spring does not also try, blocking, at startup).
 */
@AutoConfiguration(afterName = "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration")
@ConditionalOnClass(KafkaAdmin.class)
@EnableConfigurationProperties(TopicSettings.class)
public class TopicSettingsAutoConfiguration {

    @Bean
    @ConditionalOnBean(KafkaAdmin.class)
    OwnedTopicsProvisioner ownedTopicsProvisioner(KafkaAdmin admin, ObjectProvider<OwnedTopics> owned) {
        List<NewTopic> all = new ArrayList<>();
        owned.orderedStream().forEach(group -> all.addAll(group.topics()));
        return new OwnedTopicsProvisioner(admin, all);
    }
}
