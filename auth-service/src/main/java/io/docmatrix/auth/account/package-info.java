/**
 * Tenants, their users and roles, and passwords: who may log in and with which roles. Tenant administrators manage
 * only their own tenant's users; platform administrators create tenants.
 */
@NullMarked
package io.docmatrix.auth.account;

import org.jspecify.annotations.NullMarked;
