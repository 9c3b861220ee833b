/**
 * Cross-cutting runtime every DocMatrix service shares through auto-configuration: dependency health and readiness,
 * problem+json errors, topic settings, the transactional outbox with its relay, and the consumer kit (decoding,
 * idempotence, retries and dead letters), refreshable settings, feature flags and
 * readable configuration failures. No business logic and no wire contracts live here.
 */
@NullMarked
package io.docmatrix.runtime;

import org.jspecify.annotations.NullMarked;
