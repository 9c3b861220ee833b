/** Token forgery and refresh-replay corpora, re-run against the running gateway. */
@NullMarked
package io.docmatrix.eval.abuse.tokens;

import org.jspecify.annotations.NullMarked;
