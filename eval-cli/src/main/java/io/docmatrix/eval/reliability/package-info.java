/**
 * Issue 9, part A: the {@code faults} command. Sends uploads while it injects faults into the local platform (by the
 * PIDs {@code deploy/local} recorded), waits until the pipeline converged, then lets an oracle judge every document
 * the client ledger knows against the services' own databases.
 */
@NullMarked
package io.docmatrix.eval.reliability;

import org.jspecify.annotations.NullMarked;
