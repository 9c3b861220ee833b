/**
 * Turning chunk texts into vectors: the {@link io.docmatrix.embedding.EmbeddingModel} port, an in-process
 * ONNX implementation and a client of OpenAI-compatible endpoints. Every vector is recorded with its model and dimension.
 */
@NullMarked
package io.docmatrix.embedding;

import org.jspecify.annotations.NullMarked;
