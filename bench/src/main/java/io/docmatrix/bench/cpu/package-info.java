/** Where the machine's CPU went during a phase: CPU seconds per local platform process, read from Linux's /proc. */
@NullMarked
package io.docmatrix.bench.cpu;

import org.jspecify.annotations.NullMarked;
