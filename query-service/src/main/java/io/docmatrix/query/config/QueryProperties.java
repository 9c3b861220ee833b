package io.docmatrix.query.config;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of retrieval and answers.
 *
 * @param defaultTopK results returned when a request names none
 * @param maxTopK the most results one request may ask for
 * @param answerSentences the most sentences an extractive answer has
 */
@Validated
@ConfigurationProperties("query")
public record QueryProperties(
        @DefaultValue("8") @Min(1) @Max(100) int defaultTopK,
        @DefaultValue("50") @Min(1) @Max(200) int maxTopK,
        @DefaultValue("3") @Min(1) @Max(10) int answerSentences) {}
