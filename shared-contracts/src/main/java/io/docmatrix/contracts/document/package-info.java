/**
 * The document lifecycle stream ({@code documents.lifecycle.v1}): what ingestion did with each document version, from
 * receipt through parsing to indexed, failed or deleted. Read models build a document's status from it alone.
 */
@NullMarked
package io.docmatrix.contracts.document;

import org.jspecify.annotations.NullMarked;
