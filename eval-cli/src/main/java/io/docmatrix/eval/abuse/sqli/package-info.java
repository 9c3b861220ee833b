/** The SQL-injection suite: payloads in every parameter of every endpoint, judged by status, rows and time. */
@NullMarked
package io.docmatrix.eval.abuse.sqli;

import org.jspecify.annotations.NullMarked;
