package io.docmatrix.auth.account;

import java.util.UUID;

/**
 * @param id the tenant id every row of every service is scoped by
 * @param name the unique lower-case slug, e.g. {@code acme-legal}
 */
public record Tenant(UUID id, String name) {}
