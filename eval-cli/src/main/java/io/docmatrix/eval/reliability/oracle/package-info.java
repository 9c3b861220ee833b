/**
 * The oracle: after convergence, reads the services' databases read-only and classifies every document of the run's
 * tenants as ok, lost, duplicated, stuck, phantom or leaked. Reading the stores directly (not the API) is the point:
 * the API could hide a duplicate row or a document another tenant can see.
 */
@NullMarked
package io.docmatrix.eval.reliability.oracle;

import org.jspecify.annotations.NullMarked;
