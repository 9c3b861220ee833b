/** Cross-cutting wiring of auth-service: settings, Kafka topics it owns, security and JSON configuration. */
@NullMarked
package io.docmatrix.auth.config;

import org.jspecify.annotations.NullMarked;
