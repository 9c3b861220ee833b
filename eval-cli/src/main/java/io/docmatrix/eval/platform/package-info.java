/**
 * The platform as a client sees it: the gateway's public HTTP API, logins and tenants, with bounded retries that honour
 * {@code Retry-After}. Nothing here knows about data sets or scores.
 */
@NullMarked
package io.docmatrix.eval.platform;

import org.jspecify.annotations.NullMarked;
