/**
 * Metrics every service shares beyond Boot's own: the HTTP server timer as a percentile histogram, so Prometheus can
 * compute latency quantiles per route across instances (the p95 alert and the dashboards need its buckets).
 */
@NullMarked
package io.docmatrix.runtime.observability;

import org.jspecify.annotations.NullMarked;
