/**
 * Issue 5, the {@code qa} command: retrieval quality (recall@k, MRR per retrieval mode), answer quality (containment,
 * token F1, length, citation validity) and latency, on SQuAD-style data sets (XQuAD-en, COVID-QA).
 */
@NullMarked
package io.docmatrix.eval.qa;

import org.jspecify.annotations.NullMarked;
