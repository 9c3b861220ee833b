/**
 * The Spring Cloud Config server of the platform: serves every service's configuration per profile, from
 * {@code deploy/config} on the local platform and from a Git repository or mounted files on a cluster.
 */
@NullMarked
package io.docmatrix.configserver;

import org.jspecify.annotations.NullMarked;
