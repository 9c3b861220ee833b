/** One listener per consumed stream, translating wire events into projection calls. */
@NullMarked
package io.docmatrix.query.projection.messaging;

import org.jspecify.annotations.NullMarked;
