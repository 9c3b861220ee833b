package io.docmatrix.auth.account;

import io.docmatrix.auth.audit.AuditTrail;
import io.docmatrix.auth.config.AuthProblem;
import io.docmatrix.contracts.audit.TenantCreated;
import io.docmatrix.contracts.audit.UserChange;
import io.docmatrix.contracts.audit.UserChanged;
import io.docmatrix.runtime.identity.CallerIdentity;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates tenants, each with its first administrator. */
@Service
public class Tenants {

    private static final Logger log = LoggerFactory.getLogger(Tenants.class);
    private static final String SYSTEM = "system";

    private final TenantRepository tenants;
    private final UserRepository users;
    private final Passwords passwords;
    private final AuditTrail audit;
    private final Clock clock;

    public Tenants(TenantRepository tenants, UserRepository users, Passwords passwords, AuditTrail audit, Clock clock) {
        this.tenants = tenants;
        this.users = users;
        this.passwords = passwords;
        this.audit = audit;
        this.clock = clock;
    }

    /** Creates a tenant and its administrator; only platform administrators may. */
    @Transactional
    public Tenant create(CallerIdentity caller, String name, String adminUsername, String adminPassword) {
        if (!caller.hasRole(Role.PLATFORM_ADMIN.name())) {
            throw AuthProblem.forbidden();
        }
        Tenant tenant = new Tenant(UUID.randomUUID(), Names.tenantSlug(name));
        String username = Names.username(adminUsername);
        String hash = passwords.hash(adminPassword);
        if (!tenants.insert(tenant)) {
            throw new AuthProblem(AuthProblem.Kind.CONFLICT, "TENANT_EXISTS", "A tenant with this name exists.");
        }
        Instant now = clock.instant();
        audit.record(new TenantCreated(UUID.randomUUID(), now, tenant.name(), tenant.id(), caller.name()));
        addUser(tenant, username, hash, Set.of(Role.ADMIN), caller.name(), now);
        log.info("Tenant {} created by {}", tenant.name(), caller.name());
        return tenant;
    }

    /**
     * Creates the bootstrap tenant and its platform administrator if they do not exist. Never touches an existing
     * administrator, so a changed password survives restarts.
     */
    @Transactional
    public void bootstrap(String tenantName, String adminUsername, String adminPassword) {
        tenants.lockBootstrap();
        String slug = Names.tenantSlug(tenantName);
        String username = Names.username(adminUsername);
        Instant now = clock.instant();
        Tenant tenant = tenants.findByName(slug).orElseGet(() -> {
            Tenant created = new Tenant(UUID.randomUUID(), slug);
            tenants.insert(created);
            audit.record(new TenantCreated(UUID.randomUUID(), now, created.name(), created.id(), SYSTEM));
            log.info("Bootstrap tenant {} created", slug);
            return created;
        });
        if (users.findByUsername(tenant.id(), username).isPresent()) {
            return;
        }
        addUser(tenant, username, passwords.hash(adminPassword), Set.of(Role.PLATFORM_ADMIN, Role.ADMIN), SYSTEM, now);
        log.info("Bootstrap administrator {} of tenant {} created", username, slug);
    }

    private void addUser(Tenant tenant, String username, String hash, Set<Role> roles, String by, Instant now) {
        User user = new User(UUID.randomUUID(), tenant.id(), username, hash, true, roles, now);
        users.insert(user);
        audit.record(new UserChanged(
                UUID.randomUUID(),
                now,
                tenant.name(),
                tenant.id(),
                user.id(),
                user.username(),
                UserChange.CREATED,
                RoleNames.of(roles),
                by));
    }
}
