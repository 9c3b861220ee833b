/** The prompt-injection suite: hostile documents answered by a model that obeys them. */
@NullMarked
package io.docmatrix.eval.abuse.injection;

import org.jspecify.annotations.NullMarked;
