package io.docmatrix.runtime.identity;

import java.time.Clock;
import java.util.List;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Verifies identity headers in every service. The bean {@link IdentityHeaders} is also what the gateway signs with;
 * the servlet filter and argument resolver are added only in servlet services.
 */
@AutoConfiguration
@EnableConfigurationProperties(IdentityProperties.class)
public class CallerIdentityAutoConfiguration {

    @Bean
    IdentityHeaders identityHeaders(IdentityProperties properties) {
        return properties.headers();
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    static class ServletIdentity implements WebMvcConfigurer {

        @Bean
        FilterRegistrationBean<CallerIdentityFilter> callerIdentityFilter(IdentityHeaders headers) {
            FilterRegistrationBean<CallerIdentityFilter> registration =
                    new FilterRegistrationBean<>(new CallerIdentityFilter(headers, Clock.systemUTC()));
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
            return registration;
        }

        @Override
        public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
            resolvers.add(new CallerIdentityArgumentResolver());
        }
    }
}
