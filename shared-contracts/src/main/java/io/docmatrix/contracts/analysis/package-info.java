/**
 * The analysis stream ({@code analysis.results.v1}): the outcome of running a review playbook over a document version,
 * summarised for read models and downstream systems; the full analysis stays in analysis-service.
 */
@NullMarked
package io.docmatrix.contracts.analysis;

import org.jspecify.annotations.NullMarked;
