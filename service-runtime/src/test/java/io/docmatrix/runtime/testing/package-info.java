/** Test support shared by every service's tests through the service-runtime test-jar. */
@NullMarked
package io.docmatrix.runtime.testing;

import org.jspecify.annotations.NullMarked;
