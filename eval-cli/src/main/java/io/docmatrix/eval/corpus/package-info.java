/**
 * Getting a data set's documents into the platform and back into source coordinates: upload (reusing duplicates), wait
 * until READY and searchable, and check that the platform's offsets index the source text, remapping them when not.
 */
@NullMarked
package io.docmatrix.eval.corpus;

import org.jspecify.annotations.NullMarked;
