/** The read store's tables in PostgreSQL, written under the event's tenant (row-level security). */
@NullMarked
package io.docmatrix.query.projection.persistence;

import org.jspecify.annotations.NullMarked;
