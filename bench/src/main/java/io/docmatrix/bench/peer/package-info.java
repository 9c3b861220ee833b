/** The peer: the same corpus through a single-process LangChain4j pipeline (token splitter, the same ONNX model, pgvector store). */
@NullMarked
package io.docmatrix.bench.peer;

import org.jspecify.annotations.NullMarked;
