/**
 * Who may call what: the role matrix over the gateway's routes, the roles, and API key verification with its cache.
 * The Spring Security wiring, token validation and identity signing live in {@code web}.
 */
@NullMarked
package io.docmatrix.gateway.access;

import org.jspecify.annotations.NullMarked;
