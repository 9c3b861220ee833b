/** Ingestion through the gateway: uploads at a set concurrency, polling until READY, throughput and per-stage latency. */
@NullMarked
package io.docmatrix.bench.ingest;

import org.jspecify.annotations.NullMarked;
