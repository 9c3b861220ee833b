/**
 * Cutting parsed text into chunks that fit the embedding model: along sections, paragraphs and sentences, sized and
 * overlapped in the model's own tokens, tables kept whole, each chunk with exact offsets, pages and heading path.
 */
@NullMarked
package io.docmatrix.ingestion.chunking;

import org.jspecify.annotations.NullMarked;
