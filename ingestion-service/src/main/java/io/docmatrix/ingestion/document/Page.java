package io.docmatrix.ingestion.document;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One page of results and the opaque cursor of the next page, null on the last page.
 */
public record Page<T>(List<T> items, @Nullable String nextCursor) {

    public Page {
        items = List.copyOf(items);
    }
}
