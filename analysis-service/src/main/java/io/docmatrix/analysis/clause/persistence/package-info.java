/** PostgreSQL storage of tenants' learned clause exemplars; every statement filters by tenant in its SQL. */
@NullMarked
package io.docmatrix.analysis.clause.persistence;

import org.jspecify.annotations.NullMarked;
