/**
 * The HTTP side of access: the Spring Security filter chain (access tokens validated locally against auth's JWKS, API
 * keys verified by auth), problem+json rejections, and the filter that signs the caller's identity for the services.
 */
@NullMarked
package io.docmatrix.gateway.access.web;

import org.jspecify.annotations.NullMarked;
