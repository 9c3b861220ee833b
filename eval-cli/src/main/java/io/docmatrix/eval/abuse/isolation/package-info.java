/** The tenant-isolation suite: canaries in one tenant, every route another tenant has to them. */
@NullMarked
package io.docmatrix.eval.abuse.isolation;

import org.jspecify.annotations.NullMarked;
