/** HTTP adapter of the document feature: status, listings and chunks, for the caller's tenant only. */
@NullMarked
package io.docmatrix.ingestion.document.web;

import org.jspecify.annotations.NullMarked;
