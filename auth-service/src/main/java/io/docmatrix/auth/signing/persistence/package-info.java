/** PostgreSQL storage of signing keys (public key in DER, private key encrypted). */
@NullMarked
package io.docmatrix.auth.signing.persistence;

import org.jspecify.annotations.NullMarked;
