/** The chunk and lifecycle listeners: they decode events and hand them to the staging, nothing more. */
@NullMarked
package io.docmatrix.analysis.pipeline.messaging;

import org.jspecify.annotations.NullMarked;
