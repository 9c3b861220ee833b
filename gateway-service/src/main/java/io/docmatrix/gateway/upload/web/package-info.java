/** HTTP adapter of the upload intake: {@code POST /api/v1/documents}, streamed part by part. */
@NullMarked
package io.docmatrix.gateway.upload.web;

import org.jspecify.annotations.NullMarked;
