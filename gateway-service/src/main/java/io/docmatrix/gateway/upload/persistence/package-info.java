/** Persistence adapters of the upload intake: the intake tables and the blob stores (file system, S3-compatible). */
@NullMarked
package io.docmatrix.gateway.upload.persistence;

import org.jspecify.annotations.NullMarked;
