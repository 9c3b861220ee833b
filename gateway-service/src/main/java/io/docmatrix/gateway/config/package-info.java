/** Cross-cutting wiring of gateway-service: settings, Kafka topics it owns, security and JSON configuration. */
@NullMarked
package io.docmatrix.gateway.config;

import org.jspecify.annotations.NullMarked;
