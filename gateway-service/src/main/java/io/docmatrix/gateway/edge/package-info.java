/**
 * Request hygiene at the front door, before anything else looks at a request: request ids, removal of identity headers
 * a client tried to send, body size limits, and the security headers on every response.
 */
@NullMarked
package io.docmatrix.gateway.edge;

import org.jspecify.annotations.NullMarked;
