/**
 * The ingestion workers: claim a received document version, fetch its blob, parse it in the supervised parser, chunk
 * it, embed the chunks and record the result, each step through the document lifecycle. Several workers run at once,
 * so one document parses while another embeds.
 */
@NullMarked
package io.docmatrix.ingestion.pipeline;

import org.jspecify.annotations.NullMarked;
