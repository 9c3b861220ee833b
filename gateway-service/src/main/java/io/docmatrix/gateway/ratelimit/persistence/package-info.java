/** Token buckets in Redis, updated by one Lua script per request so replicas never race on a bucket. */
@NullMarked
package io.docmatrix.gateway.ratelimit.persistence;

import org.jspecify.annotations.NullMarked;
