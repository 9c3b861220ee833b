/**
 * Clause labelling: which of CUAD's 41 clause categories a contract contains and where, by nearest neighbours among
 * labelled exemplars (built-in and a tenant's learned ones) plus textual cues, over the vectors ingestion computed.
 */
@NullMarked
package io.docmatrix.analysis.clause;

import org.jspecify.annotations.NullMarked;
