/**
 * A tenant's analysis settings: whether its documents are analysed automatically once indexed. A search-only tenant
 * (or a bulk import that should not be analysed) switches it off; its documents then cost analysis nothing.
 */
@NullMarked
package io.docmatrix.analysis.settings;

import org.jspecify.annotations.NullMarked;
