/**
 * The client-side ledger: every upload the harness sent, under its Idempotency-Key, with what the client could know of
 * its outcome (accepted, rejected, or indeterminate until resolved by repeating it under the same key).
 */
@NullMarked
package io.docmatrix.eval.reliability.ledger;

import org.jspecify.annotations.NullMarked;
