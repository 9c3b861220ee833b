/**
 * The generic analysis of documents that are not contracts: an extractive summary chosen by centrality over the chunk
 * vectors, key terms and named entities. No playbook applies to them.
 */
@NullMarked
package io.docmatrix.analysis.summary;

import org.jspecify.annotations.NullMarked;
