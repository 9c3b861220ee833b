package io.docmatrix.query.retrieval;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Metadata a search is restricted to; empty lists and nulls restrict nothing. */
public record SearchFilters(
        List<String> tags,
        @Nullable String collection,
        List<String> contentTypes,
        @Nullable Instant uploadedAfter,
        @Nullable Instant uploadedBefore) {

    public SearchFilters {
        tags = tags == null ? List.of() : List.copyOf(tags);
        contentTypes = contentTypes == null ? List.of() : List.copyOf(contentTypes);
    }

    public static SearchFilters none() {
        return new SearchFilters(List.of(), null, List.of(), null, null);
    }
}
