/** Clause labelling: which spans of a document belong to which CUAD clause category, and whether it is a contract. */
@NullMarked
package io.docmatrix.analysis.clause;

import org.jspecify.annotations.NullMarked;
