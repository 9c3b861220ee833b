/**
 * The consumer side of DocMatrix events: the wire JSON settings, decoding a Kafka record into the event its
 * {@code ce_type} names, recording processed event ids for idempotent consumers, and the retry and dead-letter policy
 * every {@code @KafkaListener} container gets.
 */
@NullMarked
package io.docmatrix.runtime.messaging;

import org.jspecify.annotations.NullMarked;
