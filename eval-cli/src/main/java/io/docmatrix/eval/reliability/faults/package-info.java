/**
 * The faults themselves: signals to the processes {@code deploy/local} started (found by the PIDs it recorded in
 * {@code var/run}, never by name), poison records and replayed segments on the real topics, and a misbehaving LLM
 * endpoint served by the harness.
 */
@NullMarked
package io.docmatrix.eval.reliability.faults;

import org.jspecify.annotations.NullMarked;
