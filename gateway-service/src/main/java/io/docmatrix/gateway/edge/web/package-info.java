/** The web filter that applies the edge rules to every exchange. */
@NullMarked
package io.docmatrix.gateway.edge.web;

import org.jspecify.annotations.NullMarked;
