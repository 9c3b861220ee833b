package io.docmatrix.runtime.health;

import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Registers the {@code dependencies} health indicator over the service's database and Kafka broker, whichever the
 * service has. Runs after the data source and Kafka auto-configurations so both beans are visible.
 */
@AutoConfiguration(
        afterName = {
            "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
            "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration"
        })
@EnableConfigurationProperties(DependencyWatchProperties.class)
public class DependencyWatchAutoConfiguration {

    @Bean(name = "dependenciesHealthIndicator")
    @ConditionalOnMissingBean
    DependencyWatch dependencyWatch(
            DependencyWatchProperties properties,
            ObjectProvider<DataSource> dataSource,
            ObjectProvider<KafkaAdmin> kafkaAdmin) {
        List<DependencyCheck> checks = new ArrayList<>();
        dataSource.ifAvailable(ds -> checks.add(new DatabaseCheck(ds, properties.timeout())));
        kafkaAdmin.ifAvailable(
                admin -> checks.add(new KafkaCheck(admin.getConfigurationProperties(), properties.timeout())));
        return new DependencyWatch(checks, properties.interval());
    }
}
