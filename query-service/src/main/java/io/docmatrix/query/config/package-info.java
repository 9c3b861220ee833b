/** Cross-cutting wiring of query-service: settings, Kafka topics it owns, security and JSON configuration. */
@NullMarked
package io.docmatrix.query.config;

import org.jspecify.annotations.NullMarked;
