package io.docmatrix.query.retrieval;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Metadata a search is restricted to; an empty list or a null value restricts nothing.
 *
 * @param tags documents carrying every one of these tags
 * @param collection documents filed into this collection
 * @param contentTypes documents of any of these media types
 * @param uploadedAfter documents whose searchable version was received at or after this instant
 * @param uploadedBefore documents whose searchable version was received before this instant
 */
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
