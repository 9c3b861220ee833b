package io.docmatrix.auth.account;

import io.docmatrix.auth.audit.AuditTrail;
import io.docmatrix.auth.config.AuthProblem;
import io.docmatrix.contracts.audit.UserChange;
import io.docmatrix.contracts.audit.UserChanged;
import io.docmatrix.runtime.identity.AuthKind;
import io.docmatrix.runtime.identity.CallerIdentity;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * User management within the caller's tenant. Every look-up goes through the caller's tenant id, so another tenant's
 * user is simply not found (404) rather than forbidden, which would confirm it exists. The gateway checks roles too;
 * these checks are the second line.
 */
@Service
public class UserAdministration {

    private final UserRepository users;
    private final Passwords passwords;
    private final UserSessions sessions;
    private final AuditTrail audit;
    private final Clock clock;

    public UserAdministration(
            UserRepository users, Passwords passwords, UserSessions sessions, AuditTrail audit, Clock clock) {
        this.users = users;
        this.passwords = passwords;
        this.sessions = sessions;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public User create(CallerIdentity caller, String username, String password, Set<Role> roles) {
        requireAdmin(caller);
        Set<Role> granted = grantable(caller, roles);
        User user = new User(
                UUID.randomUUID(),
                caller.tenantId(),
                Names.username(username),
                passwords.hash(password),
                true,
                granted,
                clock.instant());
        if (!users.insert(user)) {
            throw new AuthProblem(
                    AuthProblem.Kind.CONFLICT, "USERNAME_TAKEN", "A user with this username exists in the tenant.");
        }
        record(caller, user, UserChange.CREATED);
        return user;
    }

    @Transactional(readOnly = true)
    public List<User> list(CallerIdentity caller) {
        requireAdmin(caller);
        return users.list(caller.tenantId());
    }

    @Transactional(readOnly = true)
    public User get(CallerIdentity caller, UUID userId) {
        requireAdmin(caller);
        return find(caller, userId);
    }

    /** Disables the account and ends all its sessions; access tokens already issued expire within their lifetime. */
    @Transactional
    public User disable(CallerIdentity caller, UUID userId) {
        User user = modifiable(caller, userId);
        if (user.id().toString().equals(caller.subject())) {
            throw new AuthProblem(
                    AuthProblem.Kind.CONFLICT, "CANNOT_DISABLE_SELF", "Administrators cannot disable themselves.");
        }
        users.setEnabled(caller.tenantId(), userId, false);
        sessions.revokeAll(caller.tenantId(), userId);
        User disabled = find(caller, userId);
        record(caller, disabled, UserChange.DISABLED);
        return disabled;
    }

    @Transactional
    public User enable(CallerIdentity caller, UUID userId) {
        modifiable(caller, userId);
        users.setEnabled(caller.tenantId(), userId, true);
        User enabled = find(caller, userId);
        record(caller, enabled, UserChange.ENABLED);
        return enabled;
    }

    @Transactional
    public User setRoles(CallerIdentity caller, UUID userId, Set<Role> roles) {
        modifiable(caller, userId);
        users.setRoles(caller.tenantId(), userId, grantable(caller, roles));
        User changed = find(caller, userId);
        record(caller, changed, UserChange.ROLES_CHANGED);
        return changed;
    }

    /** An administrator sets a new password; the user's sessions end. */
    @Transactional
    public void resetPassword(CallerIdentity caller, UUID userId, String newPassword) {
        User user = modifiable(caller, userId);
        users.setPasswordHash(caller.tenantId(), userId, passwords.hash(newPassword));
        sessions.revokeAll(caller.tenantId(), userId);
        record(caller, user, UserChange.PASSWORD_RESET);
    }

    /** A user changes their own password after proving the current one; all their sessions end. */
    @Transactional
    public void changeOwnPassword(CallerIdentity caller, String currentPassword, String newPassword) {
        if (caller.kind() != AuthKind.USER) {
            throw AuthProblem.forbidden();
        }
        User user = find(caller, parseId(caller.subject()));
        if (!passwords.matches(currentPassword, user.passwordHash())) {
            throw AuthProblem.invalid("INVALID_CURRENT_PASSWORD", "The current password is not correct.");
        }
        users.setPasswordHash(caller.tenantId(), user.id(), passwords.hash(newPassword));
        sessions.revokeAll(caller.tenantId(), user.id());
        record(caller, user, UserChange.PASSWORD_CHANGED);
    }

    private static void requireAdmin(CallerIdentity caller) {
        if (!caller.hasRole(Role.ADMIN.name())) {
            throw AuthProblem.forbidden();
        }
    }

    /** A tenant administrator may not touch a platform administrator's account: that would be an escalation path. */
    private User modifiable(CallerIdentity caller, UUID userId) {
        requireAdmin(caller);
        User user = find(caller, userId);
        if (user.hasRole(Role.PLATFORM_ADMIN) && !caller.hasRole(Role.PLATFORM_ADMIN.name())) {
            throw AuthProblem.forbidden();
        }
        return user;
    }

    private static Set<Role> grantable(CallerIdentity caller, Set<Role> roles) {
        if (roles.isEmpty()) {
            throw AuthProblem.invalid("ROLES_REQUIRED", "A user needs at least one role.");
        }
        if (roles.contains(Role.PLATFORM_ADMIN) && !caller.hasRole(Role.PLATFORM_ADMIN.name())) {
            throw AuthProblem.forbidden();
        }
        return EnumSet.copyOf(roles);
    }

    private User find(CallerIdentity caller, UUID userId) {
        return users.find(caller.tenantId(), userId).orElseThrow(() -> AuthProblem.notFound("User"));
    }

    private static UUID parseId(String subject) {
        try {
            return UUID.fromString(subject);
        } catch (IllegalArgumentException e) {
            throw AuthProblem.forbidden();
        }
    }

    private void record(CallerIdentity caller, User user, UserChange change) {
        audit.record(new UserChanged(
                UUID.randomUUID(),
                clock.instant(),
                caller.tenant(),
                caller.tenantId(),
                user.id(),
                user.username(),
                change,
                RoleNames.of(user.roles()),
                caller.name()));
    }
}
