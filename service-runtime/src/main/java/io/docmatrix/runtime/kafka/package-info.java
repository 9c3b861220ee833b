/**
 * Kafka settings shared by every writer service: how many partitions and replicas the topics it owns get when it
 * creates them at startup.
 */
@NullMarked
package io.docmatrix.runtime.kafka;

import org.jspecify.annotations.NullMarked;
