/** The playbook API: tenants read their playbooks and administrators store new versions. */
@NullMarked
package io.docmatrix.analysis.playbook.web;

import org.jspecify.annotations.NullMarked;
