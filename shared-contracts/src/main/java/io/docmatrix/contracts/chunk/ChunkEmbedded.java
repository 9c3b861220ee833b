package io.docmatrix.contracts.chunk;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * One chunk of a document version was cut from the extracted text and embedded. A version has exactly {@code
 * chunkCount} of these (see {@code DocumentIndexed}), with ordinals 0 to chunkCount - 1.
 *
 * @param eventId unique id of this event, for de-duplication
 * @param occurredAt when the chunk was embedded (UTC)
 * @param documentId the document; the Kafka key
 * @param tenantId the tenant that owns the document
 * @param version the document version the chunk was cut from, starting at 1
 * @param chunkId the chunk's id, unique across documents and versions
 * @param ordinal the chunk's position in its document version, from 0
 * @param text the chunk's text as embedded
 * @param page the page the chunk starts on, from 1
 * @param pageEnd the page the chunk ends on (inclusive), at least {@code page}
 * @param start offset of the chunk's first character in the extracted text, in UTF-16 characters from 0
 * @param end offset just past the chunk's last character (exclusive), in UTF-16 characters
 * @param headingPath the headings enclosing the chunk, outermost first; empty when the document has none
 * @param tokenCount length of {@code text} in the embedding model's tokens
 * @param embedding the chunk's vector
 */
public record ChunkEmbedded(
        UUID eventId,
        Instant occurredAt,
        UUID documentId,
        UUID tenantId,
        int version,
        UUID chunkId,
        int ordinal,
        String text,
        int page,
        int pageEnd,
        int start,
        int end,
        List<String> headingPath,
        int tokenCount,
        Embedding embedding)
        implements ChunkEvent {

    public ChunkEmbedded {
        Objects.requireNonNull(eventId, "eventId must not be null");
        Objects.requireNonNull(occurredAt, "occurredAt must not be null");
        Objects.requireNonNull(documentId, "documentId must not be null");
        Objects.requireNonNull(tenantId, "tenantId must not be null");
        if (version < 1) {
            throw new IllegalArgumentException("version must be at least 1 but was " + version);
        }
        Objects.requireNonNull(chunkId, "chunkId must not be null");
        if (ordinal < 0) {
            throw new IllegalArgumentException("ordinal must not be negative but was " + ordinal);
        }
        Objects.requireNonNull(text, "text must not be null");
        if (page < 1 || pageEnd < page) {
            throw new IllegalArgumentException(
                    "pages must satisfy 1 <= page <= pageEnd but were page " + page + ", pageEnd " + pageEnd);
        }
        if (start < 0 || end < start) {
            throw new IllegalArgumentException(
                    "offsets must satisfy 0 <= start <= end but were start " + start + ", end " + end);
        }
        // Absent in JSON reads as empty, like every list in the contracts.
        headingPath = headingPath == null ? List.of() : List.copyOf(headingPath);
        if (tokenCount < 0) {
            throw new IllegalArgumentException("tokenCount must not be negative but was " + tokenCount);
        }
        Objects.requireNonNull(embedding, "embedding must not be null");
    }
}
