/** HTTP endpoints for tenants, user administration and self-service password changes. */
@NullMarked
package io.docmatrix.auth.account.web;

import org.jspecify.annotations.NullMarked;
