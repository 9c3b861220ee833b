/** The web filter that charges each request to its buckets and answers 429 with Retry-After when one is empty. */
@NullMarked
package io.docmatrix.gateway.ratelimit.web;

import org.jspecify.annotations.NullMarked;
