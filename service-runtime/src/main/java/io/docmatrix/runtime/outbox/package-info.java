/**
 * The transactional outbox: producers append events to the {@code outbox} table in the transaction of the state they
 * describe, and a Debezium embedded engine relays committed rows from the PostgreSQL write-ahead log to Kafka, at least
 * once and in per-key order.
 */
@NullMarked
package io.docmatrix.runtime.outbox;

import org.jspecify.annotations.NullMarked;
