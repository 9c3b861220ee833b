/**
 * Turns every error a servlet service can raise into an RFC 9457 {@code application/problem+json} body with a stable
 * {@code code}, so clients branch on codes and never see stack traces, SQL or class names.
 */
@NullMarked
package io.docmatrix.runtime.web;

import org.jspecify.annotations.NullMarked;
