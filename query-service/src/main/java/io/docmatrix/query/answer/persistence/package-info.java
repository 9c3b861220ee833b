/**
 * PostgreSQL adapter of the answer feature: the answer cache and conversations, each statement in a transaction that
 * first sets {@code app.tenant_id} so row-level security confines it to the caller's tenant.
 */
@NullMarked
package io.docmatrix.query.answer.persistence;

import org.jspecify.annotations.NullMarked;
