/**
 * The RSA keys access tokens are signed with: generated here, stored with the private half encrypted, published as a
 * JWKS, and rotated without downtime (a new key is published before it signs; a retired key stays published until
 * every token it signed has expired).
 */
@NullMarked
package io.docmatrix.auth.signing;

import org.jspecify.annotations.NullMarked;
