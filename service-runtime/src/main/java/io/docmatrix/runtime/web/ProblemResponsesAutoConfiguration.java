package io.docmatrix.runtime.web;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;

/** Installs {@link ProblemResponses} in every servlet service; reactive services (the gateway) have their own. */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class ProblemResponsesAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ProblemResponses problemResponses() {
        return new ProblemResponses();
    }
}
