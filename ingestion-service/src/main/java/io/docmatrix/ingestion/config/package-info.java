/** Cross-cutting wiring of ingestion-service: settings, Kafka topics it owns, security and JSON configuration. */
@NullMarked
package io.docmatrix.ingestion.config;

import org.jspecify.annotations.NullMarked;
