/**
 * Configuration as operators live with it: settings that refresh without a restart ({@link
 * io.docmatrix.runtime.config.RefreshableProperties}), feature flags every service shows at {@code /actuator/flags},
 * and one clear message naming the property when a setting is missing or invalid at startup.
 */
@NullMarked
package io.docmatrix.runtime.config;

import org.jspecify.annotations.NullMarked;
