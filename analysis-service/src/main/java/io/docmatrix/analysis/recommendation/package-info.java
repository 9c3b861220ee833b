/** The recommendation agent: turns findings and playbook deviations into actions, with the playbook's own wording. */
@NullMarked
package io.docmatrix.analysis.recommendation;

import org.jspecify.annotations.NullMarked;
