/**
 * Who is calling, as the gateway vouches for it: the gateway authenticates every request, strips any identity headers
 * a client sent, and adds its own, signed with a secret only it and the services share. Services verify the
 * signature and never re-authenticate; a request without a valid identity is unauthenticated.
 */
@NullMarked
package io.docmatrix.runtime.identity;

import org.jspecify.annotations.NullMarked;
