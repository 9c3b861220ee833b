/** Kafka adapter of the upload intake: document deletions in, so deleted uploads stop counting as duplicates. */
@NullMarked
package io.docmatrix.gateway.upload.messaging;

import org.jspecify.annotations.NullMarked;
