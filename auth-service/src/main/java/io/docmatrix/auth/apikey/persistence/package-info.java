/** PostgreSQL storage of API keys (hash and prefix, never the key). */
@NullMarked
package io.docmatrix.auth.apikey.persistence;

import org.jspecify.annotations.NullMarked;
