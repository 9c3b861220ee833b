/** The limits the platform is compared with: raw throughput of the embedding model and raw pgvector top-10 latency. */
@NullMarked
package io.docmatrix.bench.ceiling;

import org.jspecify.annotations.NullMarked;
