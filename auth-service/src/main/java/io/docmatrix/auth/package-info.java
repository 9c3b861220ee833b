/** The auth-service application: its features live in sub-packages, cross-cutting wiring in {@code config}. */
@NullMarked
package io.docmatrix.auth;

import org.jspecify.annotations.NullMarked;
