package io.docmatrix.analysis.config;

import io.docmatrix.analysis.comparison.ComparisonAgent;
import io.docmatrix.analysis.comparison.DocumentComparisonAgent;
import io.docmatrix.analysis.recommendation.RecommendationAgent;
import io.docmatrix.analysis.risk.RiskAgent;
import io.docmatrix.analysis.summary.SummaryAgent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The agents are plain classes that know nothing of Spring; here they get their settings. The clause labeller and
 * fact extractor are beans of their own packages.
 */
@Configuration(proxyBeanMethods = false)
class AgentsConfiguration {

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
