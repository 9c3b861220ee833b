/** A test language model that obeys every instruction, so the suites see what the platform lets reach a model. */
@NullMarked
package io.docmatrix.eval.abuse.llm;

import org.jspecify.annotations.NullMarked;
