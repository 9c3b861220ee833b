/**
 * The chunk stream ({@code documents.chunks.v1}): each embedded chunk of a document version with its text, its place in
 * the document and its vector, so search and analysis never re-parse or re-embed.
 */
@NullMarked
package io.docmatrix.contracts.chunk;

import org.jspecify.annotations.NullMarked;
