package io.docmatrix.contracts.upload;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the uploader said about a document. Every field is optional at upload; the list is never null.
 *
 * @param title a human title, or null when the uploader gave none (readers fall back to the file name)
 * @param tags free-form labels in the order given, possibly empty; an absent list reads as empty
 * @param collection the name of the collection the document was filed into, or null
 * @param externalId the document's id in the uploader's own system, or null
 */
public record DocumentMetadata(
        @Nullable String title, List<String> tags, @Nullable String collection, @Nullable String externalId) {

    public DocumentMetadata {
        // JSON readers pass null for an absent list despite the non-null type; older writers may omit it.
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    /** Metadata for an upload that came with none. */
    public static DocumentMetadata none() {
        return new DocumentMetadata(null, List.of(), null, null);
    }
}
