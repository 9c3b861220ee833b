/** Results, percentiles, the machine description, and the JSON, Markdown and PNG outputs. */
@NullMarked
package io.docmatrix.bench.report;

import org.jspecify.annotations.NullMarked;
