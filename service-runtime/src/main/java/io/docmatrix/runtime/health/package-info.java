/**
 * Watches the remote dependencies a service cannot work without (its database, the Kafka broker), turns their state
 * into readiness, and logs every transition once so an operator sees why a service stopped taking traffic.
 */
@NullMarked
package io.docmatrix.runtime.health;

import org.jspecify.annotations.NullMarked;
