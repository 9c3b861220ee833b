/** The token endpoint, refresh and logout. */
@NullMarked
package io.docmatrix.auth.session.web;

import org.jspecify.annotations.NullMarked;
