/**
 * The upload stream ({@code documents.uploads.v1}): the gateway's hand-over of stored document bytes to ingestion, and
 * the value types that describe where the bytes are and what the uploader said about them.
 */
@NullMarked
package io.docmatrix.contracts.upload;

import org.jspecify.annotations.NullMarked;
