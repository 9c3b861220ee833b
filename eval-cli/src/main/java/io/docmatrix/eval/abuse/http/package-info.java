/** Raw gateway access for the abuse suites: every answer is reported as it came, so the suites can judge it. */
@NullMarked
package io.docmatrix.eval.abuse.http;

import org.jspecify.annotations.NullMarked;
