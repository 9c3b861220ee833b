/**
 * The v1 wire contracts of DocMatrix: the topic catalogue, the Kafka header names, the registry of event types and the
 * {@link io.docmatrix.contracts.DomainEvent} every event record implements. The records themselves live in one
 * sub-package per stream; nothing here depends on a framework, so any producer or consumer can read them.
 */
@NullMarked
package io.docmatrix.contracts;

import org.jspecify.annotations.NullMarked;
