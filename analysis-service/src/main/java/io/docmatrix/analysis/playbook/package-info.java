/**
 * Playbooks: a tenant's versioned review rules (expected position, preferred and fallback language and severity per
 * clause category, plus thresholds), with the shipped default contract playbook as the starting point.
 */
@NullMarked
package io.docmatrix.analysis.playbook;

import org.jspecify.annotations.NullMarked;
