package io.docmatrix.query.retrieval;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How searches rank and how much they may ask for.
 *
 * @param defaultTopK results when a request names none
 * @param maxTopK the most results one request may ask for
 * @param maxQuestionLength the longest question accepted, in characters (the model's token window is checked too)
 * @param maxDocumentIds the most document ids one request may restrict to
 * @param rrfK the k of reciprocal rank fusion: 1 / (k + rank); larger k flattens the advantage of the top ranks
 * @param vectorWeight weight of the vector ranking in the fusion
 * @param textWeight weight of the full-text ranking in the fusion
 * @param candidates how many candidates each ranking contributes to the fusion (at least topK)
 * @param efSearch HNSW candidate list size per query ({@code hnsw.ef_search}); higher is better recall, slower
 * @param textCommonMatches a question word found in at least this many of the searched chunks is common: it still
 *     counts in the full-text rank but no longer selects candidates on its own (each selected chunk is read and
 *     ranked, so this bounds the cost of a word like "agreement" in a tenant of contracts). A tenant or filter with
 *     fewer chunks than this is searched exactly as with every word
 * @param textMaxRanked the most full-text matches read and ranked per search, whichever form selected them; the
 *     bound for questions made only of common words
 */
@Validated
@ConfigurationProperties("query.retrieval")
public record RetrievalProperties(
        @DefaultValue("10") @Min(1) @Max(200) int defaultTopK,
        @DefaultValue("50") @Min(1) @Max(200) int maxTopK,
        @DefaultValue("2000") @Min(10) int maxQuestionLength,
        @DefaultValue("100") @Min(1) @Max(1000) int maxDocumentIds,
        @DefaultValue("60") @Min(1) int rrfK,
        @DefaultValue("1.0") @DecimalMin("0.0") double vectorWeight,
        @DefaultValue("1.0") @DecimalMin("0.0") double textWeight,
        @DefaultValue("50") @Min(1) @Max(1000) int candidates,
        @DefaultValue("100") @Min(1) @Max(1000) int efSearch,
        @DefaultValue("500") @Min(1) int textCommonMatches,
        @DefaultValue("1000") @Min(1) int textMaxRanked) {}
