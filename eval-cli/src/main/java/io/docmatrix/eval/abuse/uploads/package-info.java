/** The bad-input upload suite: a generated hostile corpus (plus the parser corpus) sent through the gateway. */
@NullMarked
package io.docmatrix.eval.abuse.uploads;

import org.jspecify.annotations.NullMarked;
