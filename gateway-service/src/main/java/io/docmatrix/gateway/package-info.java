/** The gateway-service application: its features live in sub-packages, cross-cutting wiring in {@code config}. */
@NullMarked
package io.docmatrix.gateway;

import org.jspecify.annotations.NullMarked;
