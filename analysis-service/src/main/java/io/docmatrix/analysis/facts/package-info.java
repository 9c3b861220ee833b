/** Key facts of a contract (parties, dates, terms, governing law, amounts), each with the quote it came from. */
@NullMarked
package io.docmatrix.analysis.facts;

import org.jspecify.annotations.NullMarked;
