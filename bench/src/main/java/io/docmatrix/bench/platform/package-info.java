/** HTTP access to the local platform: through the gateway as the bench tenant, and directly to query-service with self-signed identity headers. */
@NullMarked
package io.docmatrix.bench.platform;

import org.jspecify.annotations.NullMarked;
