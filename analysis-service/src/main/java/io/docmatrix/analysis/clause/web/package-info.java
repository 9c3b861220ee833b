/** HTTP API for a tenant's administrators to teach the clause agent their own exemplars, clear them and count them. */
@NullMarked
package io.docmatrix.analysis.clause.web;

import org.jspecify.annotations.NullMarked;
