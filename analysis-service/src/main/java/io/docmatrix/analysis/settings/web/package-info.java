/** The HTTP API of a tenant's analysis settings. */
@NullMarked
package io.docmatrix.analysis.settings.web;

import org.jspecify.annotations.NullMarked;
