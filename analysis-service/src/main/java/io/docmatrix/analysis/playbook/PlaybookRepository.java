package io.docmatrix.analysis.playbook;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Tenants' own playbook versions; every query is confined to one tenant. */
public interface PlaybookRepository {

    Optional<Playbook> latest(UUID tenantId, String id);

    Optional<Playbook> version(UUID tenantId, String id, int version);

    /** The latest version of each of the tenant's playbooks, by id. */
    List<Playbook> latestOfEach(UUID tenantId);

    /**
     * Stores the playbook as the next version of its id for the tenant: one more than the tenant's latest, and at least
     * {@code minimumVersion} (so a tenant's first change of a shipped playbook becomes its version 2).
     *
     * @throws ConcurrentPlaybookChangeException if another change took that version first
     */
    Playbook append(UUID tenantId, Playbook playbook, int minimumVersion, String createdBy);

    /** Another writer created the same version at the same time; the caller may retry. */
    final class ConcurrentPlaybookChangeException extends RuntimeException {
        public ConcurrentPlaybookChangeException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
