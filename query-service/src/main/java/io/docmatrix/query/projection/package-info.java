/**
 * The projections that build the read store from Kafka: documents and their versions, staged chunks activated per
 * version once all are in, analysis results per document. Idempotent and order-tolerant, so a replay rebuilds it.
 */
@NullMarked
package io.docmatrix.query.projection;

import org.jspecify.annotations.NullMarked;
