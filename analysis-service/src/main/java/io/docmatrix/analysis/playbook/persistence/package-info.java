/** Tenants' playbook versions in PostgreSQL, one JSONB definition per version. */
@NullMarked
package io.docmatrix.analysis.playbook.persistence;

import org.jspecify.annotations.NullMarked;
