/**
 * The identity audit stream ({@code identity.audit.v1}): security-relevant facts from auth-service about tenants,
 * logins, refresh tokens, API keys and users, for downstream security tooling. Events carry no secrets.
 */
@NullMarked
package io.docmatrix.contracts.audit;

import org.jspecify.annotations.NullMarked;
