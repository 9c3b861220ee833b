/**
 * Cross-cutting runtime every DocMatrix service shares through auto-configuration: dependency health and readiness,
 * problem+json errors and the topic settings of writer services. No business logic and no wire contracts live here.
 */
@NullMarked
package io.docmatrix.runtime;

import org.jspecify.annotations.NullMarked;
