/**
 * Comparisons: a document against its playbook (each expected clause MATCH, DEVIATION, MISSING or UNCLEAR) and one
 * document or version against another (clauses aligned by category and meaning, with word-level differences).
 */
@NullMarked
package io.docmatrix.analysis.comparison;

import org.jspecify.annotations.NullMarked;
