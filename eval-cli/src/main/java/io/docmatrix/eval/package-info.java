/**
 * The evaluation command line: measures a running platform through the gateway's public API only, exactly as a client
 * sees it. Each sub-package is one command or one concern shared by the commands.
 */
@NullMarked
package io.docmatrix.eval;

import org.jspecify.annotations.NullMarked;
