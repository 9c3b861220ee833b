/** Persistence adapters of the upload intake: the intake tables and the file-system blob store. */
@NullMarked
package io.docmatrix.gateway.upload.persistence;

import org.jspecify.annotations.NullMarked;
