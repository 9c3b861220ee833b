/**
 * Request budgets: token buckets per tenant, per caller (user or API key) and, for logins, per client address, with
 * budgets per route class set globally and per tenant. Buckets live in memory for one gateway or in Redis
 * ({@code persistence}) for several replicas sharing one budget.
 */
@NullMarked
package io.docmatrix.gateway.ratelimit;

import org.jspecify.annotations.NullMarked;
