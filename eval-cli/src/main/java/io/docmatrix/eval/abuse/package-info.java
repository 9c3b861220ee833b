/**
 * Issue 9 part B, the {@code abuse} command: suites that try to break the platform's promises about bad input, tenant
 * isolation, SQL injection, tokens and prompt injection, and count every broken promise as a violation.
 */
@NullMarked
package io.docmatrix.eval.abuse;

import org.jspecify.annotations.NullMarked;
