/**
 * Platform administration views the gateway composes from every service: the feature flags in force in each one.
 */
@NullMarked
package io.docmatrix.gateway.admin;

import org.jspecify.annotations.NullMarked;
