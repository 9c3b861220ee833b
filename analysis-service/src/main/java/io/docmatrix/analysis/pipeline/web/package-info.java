/** The analysis API: a document version's analysis, re-runs and comparisons of two documents or versions. */
@NullMarked
package io.docmatrix.analysis.pipeline.web;

import org.jspecify.annotations.NullMarked;
