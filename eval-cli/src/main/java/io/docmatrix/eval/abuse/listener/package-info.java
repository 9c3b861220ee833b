/** The harness's canary listener: detects any outbound connection the platform makes to a URL found in its input. */
@NullMarked
package io.docmatrix.eval.abuse.listener;

import org.jspecify.annotations.NullMarked;
