/** {@code GET /api/v1/admin/features} and the client that asks each service for its flags. */
@NullMarked
package io.docmatrix.gateway.admin.web;

import org.jspecify.annotations.NullMarked;
