/** Writes audit events into the service's outbox table, which Debezium relays to Kafka. */
@NullMarked
package io.docmatrix.auth.audit.persistence;

import org.jspecify.annotations.NullMarked;
