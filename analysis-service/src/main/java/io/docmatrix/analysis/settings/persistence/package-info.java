/** Tenants' analysis settings in PostgreSQL, one row per tenant that changed the defaults. */
@NullMarked
package io.docmatrix.analysis.settings.persistence;

import org.jspecify.annotations.NullMarked;
