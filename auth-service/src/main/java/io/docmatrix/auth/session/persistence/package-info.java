/** PostgreSQL storage of refresh tokens (hashes only) and failed login attempts. */
@NullMarked
package io.docmatrix.auth.session.persistence;

import org.jspecify.annotations.NullMarked;
