package io.docmatrix.analysis.config;

import io.docmatrix.analysis.comparison.ComparisonAgent;
import io.docmatrix.analysis.comparison.DocumentComparisonAgent;
import io.docmatrix.analysis.recommendation.RecommendationAgent;
import io.docmatrix.analysis.risk.RiskAgent;
import io.docmatrix.analysis.summary.SummaryAgent;
import io.docmatrix.runtime.config.FeatureFlags;
import io.docmatrix.runtime.config.RefreshableProperties;
import jakarta.validation.Validator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * The agents are plain classes that know nothing of Spring; here they get their settings. The clause labeller and
 * fact extractor are beans of their own packages.
 */
@Configuration(proxyBeanMethods = false)
class AgentsConfiguration {

    /** {@code analysis.features.*}: rebound by {@code /actuator/refresh}, shown at {@code /actuator/flags}. */
    @Bean
    RefreshableProperties<AnalysisFeatures> analysisFeatures(ConfigurableEnvironment environment, Validator validator) {
        return new RefreshableProperties<>(AnalysisFeatures.PREFIX, AnalysisFeatures.class, environment, validator);
    }

    @Bean
    FeatureFlags analysisFeatureFlags(RefreshableProperties<AnalysisFeatures> features) {
        return FeatureFlags.of(features);
    }

    /**
     * {@code analysis.*} as refreshed: the default playbook applies to the next analysis that names none. The agents'
     * thresholds below are read once at startup (a change needs a restart, like a model change would).
     */
    @Bean
    RefreshableProperties<AnalysisProperties> refreshableAnalysisProperties(
            ConfigurableEnvironment environment, Validator validator) {
        return new RefreshableProperties<>("analysis", AnalysisProperties.class, environment, validator);
    }

    @Bean
    RiskAgent riskAgent(AnalysisProperties properties) {
        return new RiskAgent(properties.minConfidence());
    }

    @Bean
    ComparisonAgent comparisonAgent(AnalysisProperties properties) {
        return new ComparisonAgent(properties.minConfidence());
    }

    @Bean
    DocumentComparisonAgent documentComparisonAgent(AnalysisProperties properties) {
        return new DocumentComparisonAgent(properties.minConfidence(), properties.minSimilarity());
    }

    @Bean
    RecommendationAgent recommendationAgent() {
        return new RecommendationAgent();
    }

    @Bean
    SummaryAgent summaryAgent(AnalysisProperties properties) {
        return new SummaryAgent(properties.summarySentences(), properties.keyTerms());
    }
}
