/** PostgreSQL storage of tenants, users and their roles; every user query is confined to one tenant. */
@NullMarked
package io.docmatrix.auth.account.persistence;

import org.jspecify.annotations.NullMarked;
