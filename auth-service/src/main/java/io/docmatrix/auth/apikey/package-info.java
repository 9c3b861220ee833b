/**
 * API keys for machine access: one tenant and one role each, shown once at creation, stored as SHA-256 hashes beside
 * a visible prefix, and verified for the gateway on an internal endpoint.
 */
@NullMarked
package io.docmatrix.auth.apikey;

import org.jspecify.annotations.NullMarked;
