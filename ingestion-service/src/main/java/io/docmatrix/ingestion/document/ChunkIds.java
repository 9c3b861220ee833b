package io.docmatrix.ingestion.document;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Chunk ids derived from (document, version, ordinal). Re-indexing a version therefore yields the same ids, so every
 * read model upserts instead of accumulating a second chunk set for the same version.
 */
public final class ChunkIds {

    private ChunkIds() {}

    public static UUID of(UUID documentId, int version, int ordinal) {
        return UUID.nameUUIDFromBytes(
                ("docmatrix-chunk:" + documentId + ":" + version + ":" + ordinal).getBytes(StandardCharsets.UTF_8));
    }
}
