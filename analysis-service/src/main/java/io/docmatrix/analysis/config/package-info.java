/** Cross-cutting wiring of analysis-service: settings, Kafka topics it owns, security and JSON configuration. */
@NullMarked
package io.docmatrix.analysis.config;

import org.jspecify.annotations.NullMarked;
