/**
 * The claim-check blob store as the gateway (writer) and ingestion (reader) share it: the rules every blob key follows,
 * whichever store holds it, and a client of S3-compatible object stores with bounded, retried and circuit-broken calls.
 */
@NullMarked
package io.docmatrix.blob;

import org.jspecify.annotations.NullMarked;
