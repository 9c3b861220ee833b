/**
 * Kafka adapter of the document feature: upload events in (one listener, no logic), lifecycle and chunk events out
 * through the outbox.
 */
@NullMarked
package io.docmatrix.ingestion.document.messaging;

import org.jspecify.annotations.NullMarked;
