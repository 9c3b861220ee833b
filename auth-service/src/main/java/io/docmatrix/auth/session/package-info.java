/**
 * Logins and sessions: password login with throttling, access and refresh token issuance, refresh token rotation in
 * families with reuse detection, and logout.
 */
@NullMarked
package io.docmatrix.auth.session;

import org.jspecify.annotations.NullMarked;
