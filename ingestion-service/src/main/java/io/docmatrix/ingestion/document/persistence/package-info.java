/** PostgreSQL adapter of the document feature: the tenant is part of every WHERE clause. */
@NullMarked
package io.docmatrix.ingestion.document.persistence;

import org.jspecify.annotations.NullMarked;
