package io.docmatrix.analysis.config;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Feature flags of the analysis agents ({@code analysis.features.*}), refreshable without a restart; each applies to
 * analyses that start after the refresh.
 *
 * @param recommendations the recommendation agent suggests changes for the findings of a contract; off, analyses
 *     carry findings and comparisons but no recommendations
 * @param summary the summary agent writes the extractive summary and key terms of a document that is not a
 *     contract; off, such a document's analysis has its kind and clause matches only
 */
public record AnalysisFeatures(@DefaultValue("true") boolean recommendations, @DefaultValue("true") boolean summary) {

    public static final String PREFIX = "analysis.features";
}
