/**
 * The risk agent: applies a playbook to a document's clauses and key facts and explains every issue with verbatim
 * evidence, then scores the document from the findings.
 */
@NullMarked
package io.docmatrix.analysis.risk;

import org.jspecify.annotations.NullMarked;
