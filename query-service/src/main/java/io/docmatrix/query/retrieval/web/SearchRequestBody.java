package io.docmatrix.query.retrieval.web;

import io.docmatrix.query.retrieval.RetrievalMode;
import io.docmatrix.query.retrieval.RetrievalProperties;
import io.docmatrix.query.retrieval.SearchFilters;
import io.docmatrix.query.retrieval.SearchRequest;
import io.docmatrix.runtime.web.ApiProblem;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

/**
 * The JSON body of a search, also the core of {@code POST /api/v1/query}. Every field but {@code question} is
 * optional. Fields arrive as plain strings and are checked here, so each mistake gets its own stable {@code code}
 * (a 400 problem) instead of a generic parse error.
 *
 * @param question the question, 1 to {@code query.retrieval.max-question-length} characters
 * @param documentIds only these documents (UUIDs)
 * @param filters metadata restrictions
 * @param topK results wanted, 1 to {@code query.retrieval.max-top-k}
 * @param mode {@code hybrid} (default), {@code vector} or {@code text}, any case
 */
public record SearchRequestBody(
        @Nullable String question,
        @Nullable List<String> documentIds,
        @Nullable Filters filters,
        @Nullable Integer topK,
        @Nullable String mode) {

    /**
     * @param uploadedAfter ISO-8601 instant, e.g. {@code 2026-01-31T00:00:00Z}
     * @param uploadedBefore ISO-8601 instant, exclusive
     */
    public record Filters(
            @Nullable String collection,
            @Nullable List<String> tags,
            @Nullable List<String> contentTypes,
            @Nullable String uploadedAfter,
            @Nullable String uploadedBefore) {}

    /**
     * The validated request.
     *
     * @throws ApiProblem 400 with code {@code QUESTION_REQUIRED}, {@code QUESTION_TOO_LONG}, {@code INVALID_TOP_K},
     *     {@code INVALID_MODE}, {@code INVALID_DOCUMENT_ID}, {@code TOO_MANY_DOCUMENT_IDS}, {@code INVALID_FILTER} or
     *     {@code INVALID_DATE}
     */
    public SearchRequest toRequest(RetrievalProperties limits) {
        if (question == null || question.isBlank()) {
            throw invalid("QUESTION_REQUIRED", "question is required and must not be blank.");
        }
        String text = question.strip();
        if (text.length() > limits.maxQuestionLength()) {
            throw invalid(
                    "QUESTION_TOO_LONG", "question must have at most " + limits.maxQuestionLength() + " characters.");
        }
        int k = topK == null ? limits.defaultTopK() : topK;
        if (k < 1 || k > limits.maxTopK()) {
            throw invalid("INVALID_TOP_K", "topK must be between 1 and " + limits.maxTopK() + ".");
        }
        return new SearchRequest(text, parseDocumentIds(limits), parseFilters(), k, parseMode());
    }

    private List<UUID> parseDocumentIds(RetrievalProperties limits) {
        if (documentIds == null) {
            return List.of();
        }
        if (documentIds.size() > limits.maxDocumentIds()) {
            throw invalid(
                    "TOO_MANY_DOCUMENT_IDS", "documentIds may name at most " + limits.maxDocumentIds() + " documents.");
        }
        List<UUID> ids = new ArrayList<>(documentIds.size());
        for (String id : documentIds) {
            try {
                ids.add(UUID.fromString(id == null ? "" : id));
            } catch (IllegalArgumentException e) {
                throw invalid("INVALID_DOCUMENT_ID", "documentIds must hold document ids (UUIDs).");
            }
        }
        return ids;
    }

    private SearchFilters parseFilters() {
        if (filters == null) {
            return SearchFilters.none();
        }
        Instant after = instant(filters.uploadedAfter(), "uploadedAfter");
        Instant before = instant(filters.uploadedBefore(), "uploadedBefore");
        if (after != null && before != null && !after.isBefore(before)) {
            throw invalid("INVALID_FILTER", "filters.uploadedAfter must be before filters.uploadedBefore.");
        }
        return new SearchFilters(
                values(filters.tags(), "tags"),
                blankToNull(filters.collection()),
                values(filters.contentTypes(), "contentTypes"),
                after,
                before);
    }

    private RetrievalMode parseMode() {
        if (mode == null) {
            return RetrievalMode.HYBRID;
        }
        try {
            return RetrievalMode.valueOf(mode.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw invalid("INVALID_MODE", "mode must be hybrid, vector or text.");
        }
    }

    private static List<String> values(@Nullable List<String> values, String name) {
        if (values == null) {
            return List.of();
        }
        if (values.size() > 50 || values.stream().anyMatch(v -> v == null || v.isBlank() || v.length() > 200)) {
            throw invalid(
                    "INVALID_FILTER", "filters." + name + " must hold at most 50 non-blank values of 200 characters.");
        }
        return List.copyOf(values);
    }

    private static @Nullable Instant instant(@Nullable String value, String name) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw invalid(
                    "INVALID_DATE", "filters." + name + " must be an ISO-8601 instant such as 2026-01-31T00:00:00Z.");
        }
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static ApiProblem invalid(String code, String detail) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, code, detail);
    }
}
