/**
 * Upload intake: accepts a file for a tenant, checks what can be checked at once (size, real type, name), stores the
 * bytes in the blob store (claim check) and records the upload with its {@code DocumentUploaded} event in one
 * transaction. Duplicates, versions and idempotency keys are decided here, from the gateway's own intake database.
 */
@NullMarked
package io.docmatrix.gateway.upload;

import org.jspecify.annotations.NullMarked;
