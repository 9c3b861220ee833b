package io.docmatrix.query.answer.web;

import io.docmatrix.query.answer.AnswerProperties;
import io.docmatrix.query.answer.AnswerQuery;
import io.docmatrix.query.retrieval.RetrievalMode;
import io.docmatrix.query.retrieval.SearchFilters;
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
 * The JSON body of {@code POST /api/v1/query}. Everything arrives as loosely typed as JSON allows and is checked here,
 * so that every mistake gets its own stable code instead of a generic parse error. {@code "cache": false} asks for an
 * answer computed now, neither read from nor written to the answer cache.
 */
record QueryRequestBody(
        @Nullable String question,
        @Nullable List<String> documentIds,
        @Nullable Filters filters,
        @Nullable Integer topK,
        @Nullable String mode,
        @Nullable String conversationId,
        @Nullable Boolean cache) {

    /** Metadata filters as sent; dates are ISO-8601 instants. */
    record Filters(
            @Nullable List<String> tags,
            @Nullable String collection,
            @Nullable List<String> contentTypes,
            @Nullable String uploadedAfter,
            @Nullable String uploadedBefore) {}

    AnswerQuery toQuery(AnswerProperties limits) {
        if (question == null || question.isBlank()) {
            throw invalid("QUESTION_REQUIRED", "question must not be blank.");
        }
        String trimmed = question.strip();
        if (trimmed.length() > limits.maxQuestionChars()) {
            throw invalid(
                    "QUESTION_TOO_LONG", "question must have at most " + limits.maxQuestionChars() + " characters.");
        }
        int k = topK == null ? limits.defaultTopK() : topK;
        if (k < 1 || k > limits.maxTopK()) {
            throw invalid("TOPK_OUT_OF_RANGE", "topK must be between 1 and " + limits.maxTopK() + ".");
        }
        List<UUID> documents = new ArrayList<>();
        if (documentIds != null) {
            if (documentIds.size() > limits.maxDocumentIds()) {
                throw invalid(
                        "TOO_MANY_DOCUMENTS",
                        "documentIds may name at most " + limits.maxDocumentIds() + " documents.");
            }
            for (String id : documentIds) {
                documents.add(uuid(id, "INVALID_DOCUMENT_ID", "documentIds must be UUIDs."));
            }
        }
        RetrievalMode retrievalMode = RetrievalMode.HYBRID;
        if (mode != null) {
            try {
                retrievalMode = RetrievalMode.valueOf(mode.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw invalid("INVALID_MODE", "mode must be HYBRID, VECTOR or TEXT.");
            }
        }
        UUID conversation = conversationId == null
                ? null
                : uuid(conversationId, "INVALID_CONVERSATION_ID", "conversationId must be a UUID.");
        return new AnswerQuery(
                trimmed, documents, searchFilters(), k, retrievalMode, conversation, !Boolean.FALSE.equals(cache));
    }

    private SearchFilters searchFilters() {
        if (filters == null) {
            return SearchFilters.none();
        }
        Instant after = instant(filters.uploadedAfter(), "uploadedAfter");
        Instant before = instant(filters.uploadedBefore(), "uploadedBefore");
        if (after != null && before != null && after.isAfter(before)) {
            throw invalid("INVALID_FILTER", "uploadedAfter must not be later than uploadedBefore.");
        }
        if (filters.tags() != null && filters.tags().stream().anyMatch(t -> t == null || t.isBlank())) {
            throw invalid("INVALID_FILTER", "tags must not be blank.");
        }
        if (filters.contentTypes() != null && filters.contentTypes().stream().anyMatch(t -> t == null || t.isBlank())) {
            throw invalid("INVALID_FILTER", "contentTypes must not be blank.");
        }
        return new SearchFilters(
                filters.tags(),
                filters.collection() == null || filters.collection().isBlank() ? null : filters.collection(),
                filters.contentTypes(),
                after,
                before);
    }

    private static @Nullable Instant instant(@Nullable String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw invalid("INVALID_FILTER", field + " must be an ISO-8601 instant, e.g. 2024-01-31T00:00:00Z.");
        }
    }

    private static UUID uuid(@Nullable String value, String code, String detail) {
        try {
            if (value == null) {
                throw new IllegalArgumentException();
            }
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw invalid(code, detail);
        }
    }

    private static ApiProblem invalid(String code, String detail) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, code, detail);
    }
}
