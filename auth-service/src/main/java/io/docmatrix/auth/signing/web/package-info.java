/** The public JWKS endpoint and the platform administrator's rotation endpoint. */
@NullMarked
package io.docmatrix.auth.signing.web;

import org.jspecify.annotations.NullMarked;
