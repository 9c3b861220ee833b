/** Key management for tenant administrators, and the internal verification endpoint the gateway calls. */
@NullMarked
package io.docmatrix.auth.apikey.web;

import org.jspecify.annotations.NullMarked;
