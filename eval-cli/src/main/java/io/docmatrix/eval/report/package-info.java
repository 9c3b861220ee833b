/** Report output: one JSON file for machines and one Markdown file for people, in a per-run folder. */
@NullMarked
package io.docmatrix.eval.report;

import org.jspecify.annotations.NullMarked;
