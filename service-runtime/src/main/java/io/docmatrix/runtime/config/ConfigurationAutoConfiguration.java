package io.docmatrix.runtime.config;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/** The {@code flags} actuator endpoint ({@code /actuator/flags}; Spring Cloud's own {@code features} lists its libraries) over every {@link FeatureFlags} bean of the service. */
@AutoConfiguration
@ConditionalOnClass(Endpoint.class)
public class ConfigurationAutoConfiguration {

    @Bean
    FlagsEndpoint docmatrixFlagsEndpoint(
            @Value("${spring.application.name:service}") String service, ObjectProvider<FeatureFlags> flags) {
        return new FlagsEndpoint(service, flags.orderedStream().toList());
    }
}
