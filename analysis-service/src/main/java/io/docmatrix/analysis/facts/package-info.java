/**
 * Key facts of a contract: parties, dates, renewal and notice periods, governing law and money amounts, each
 * normalised where possible and quoted verbatim with its place in the document.
 */
@NullMarked
package io.docmatrix.analysis.facts;

import org.jspecify.annotations.NullMarked;
