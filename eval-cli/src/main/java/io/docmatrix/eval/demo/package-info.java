/** The newcomer demo: upload, progress, question with citations and analysis findings, printed for a person to read. */
@NullMarked
package io.docmatrix.eval.demo;

import org.jspecify.annotations.NullMarked;
