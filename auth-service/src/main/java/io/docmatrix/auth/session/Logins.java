package io.docmatrix.auth.session;

import io.docmatrix.auth.account.Names;
import io.docmatrix.auth.account.Passwords;
import io.docmatrix.auth.account.RoleNames;
import io.docmatrix.auth.account.Tenant;
import io.docmatrix.auth.account.TenantRepository;
import io.docmatrix.auth.account.User;
import io.docmatrix.auth.account.UserRepository;
import io.docmatrix.auth.audit.AuditTrail;
import io.docmatrix.auth.signing.AccessTokens;
import io.docmatrix.contracts.audit.LoginFailed;
import io.docmatrix.contracts.audit.LoginSucceeded;
import io.docmatrix.contracts.audit.RefreshTokenReuseDetected;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Password login, refresh and logout. Refusals are returned, not thrown, so that what a refusal records (failure
 * counters, revoked families, audit events) commits with it.
 */
@Service
public class Logins {

    private static final Logger log = LoggerFactory.getLogger(Logins.class);
    // Longer inputs are refused without hashing: no stored password can be longer, and hashing is the costly part.
    private static final int LONGEST_PASSWORD = 128;

    private final TenantRepository tenants;
    private final UserRepository users;
    private final Passwords passwords;
    private final LoginThrottle throttle;
    private final RefreshTokens refreshTokens;
    private final AccessTokens accessTokens;
    private final AuditTrail audit;
    private final Clock clock;

    public Logins(
            TenantRepository tenants,
            UserRepository users,
            Passwords passwords,
            LoginThrottle throttle,
            RefreshTokens refreshTokens,
            AccessTokens accessTokens,
            AuditTrail audit,
            Clock clock) {
        this.tenants = tenants;
        this.users = users;
        this.passwords = passwords;
        this.throttle = throttle;
        this.refreshTokens = refreshTokens;
        this.accessTokens = accessTokens;
        this.audit = audit;
        this.clock = clock;
    }

    /** A new access token with its refresh token. */
    public record TokenPair(String accessToken, String refreshToken, long expiresIn) {}

    /** What a login or refresh attempt came to. */
    public sealed interface Outcome {
        record Issued(TokenPair tokens) implements Outcome {}

        /** Wrong credentials, unknown account or disabled user: deliberately one answer for all. */
        record Refused() implements Outcome {}

        record Throttled(Duration retryAfter) implements Outcome {}

        /** An exchanged refresh token was presented again; its family is revoked. */
        record Reused() implements Outcome {}
    }

    @Transactional
    public Outcome login(String tenantName, String username, String password, String clientAddress) {
        String slug = Names.canonical(tenantName);
        String name = Names.canonical(username);
        String account = slug + "/" + name;
        Optional<Tenant> tenant = tenants.findByName(slug);
        Optional<Duration> wait = throttle.retryAfter(account, clientAddress);
        if (wait.isPresent()) {
            fail(slug, tenant, name, clientAddress, "THROTTLED");
            return new Outcome.Throttled(wait.get());
        }
        Optional<User> user = tenant.flatMap(t -> users.findByUsername(t.id(), name));
        boolean matches;
        if (password.length() > LONGEST_PASSWORD) {
            matches = false;
        } else if (user.isPresent()) {
            matches = passwords.matches(password, user.get().passwordHash());
        } else {
            matches = passwords.matchesNothing(password);
        }
        if (!matches || !user.get().enabled()) {
            throttle.recordFailure(account, clientAddress);
            String reason = user.isEmpty() ? "UNKNOWN_ACCOUNT" : matches ? "DISABLED" : "BAD_CREDENTIALS";
            fail(slug, tenant, name, clientAddress, reason);
            return new Outcome.Refused();
        }
        throttle.recordSuccess(account);
        Tenant owner = tenant.get();
        User authenticated = user.get();
        TokenPair tokens = issue(owner, authenticated, refreshTokens.startFamily(owner.id(), authenticated.id()));
        audit.record(new LoginSucceeded(
                UUID.randomUUID(),
                clock.instant(),
                owner.name(),
                owner.id(),
                authenticated.id(),
                authenticated.username(),
                clientAddress));
        return new Outcome.Issued(tokens);
    }

    /** Exchanges a refresh token for a new pair; roles are read afresh, so role changes take effect here. */
    @Transactional
    public Outcome refresh(String presented, String clientAddress) {
        // Java 17: no pattern matching in switch yet, so the sealed cases are tested in turn.
        RefreshTokens.Exchange exchange = refreshTokens.exchange(presented);
        if (exchange instanceof RefreshTokens.Exchange.Rotated rotated) {
            RefreshToken token = rotated.presented();
            Optional<Tenant> tenant = tenants.findById(token.tenantId());
            Optional<User> user = users.find(token.tenantId(), token.userId());
            if (tenant.isEmpty() || user.isEmpty() || !user.get().enabled()) {
                refreshTokens.revokeFamily(token.familyId());
                return new Outcome.Refused();
            }
            return new Outcome.Issued(issue(tenant.get(), user.get(), rotated.token()));
        }
        if (exchange instanceof RefreshTokens.Exchange.Reused reused) {
            RefreshToken token = reused.presented();
            String slug = tenants.findById(token.tenantId()).map(Tenant::name).orElse("unknown");
            log.warn(
                    "SECURITY refresh token reuse detected: family {} of user {} in tenant {} revoked; presented from {}",
                    token.familyId(),
                    token.userId(),
                    slug,
                    clientAddress);
            audit.record(new RefreshTokenReuseDetected(
                    UUID.randomUUID(),
                    clock.instant(),
                    slug,
                    token.tenantId(),
                    token.userId(),
                    token.familyId(),
                    clientAddress));
            return new Outcome.Reused();
        }
        return new Outcome.Refused();
    }

    @Transactional
    public void logout(String presented) {
        refreshTokens.revokeFamilyOf(presented);
    }

    private TokenPair issue(Tenant tenant, User user, String refreshToken) {
        AccessTokens.Issued access = accessTokens.issue(new AccessTokens.Subject(
                user.id(), user.username(), tenant.id(), tenant.name(), RoleNames.of(user.roles())));
        return new TokenPair(access.token(), refreshToken, access.expiresIn());
    }

    private void fail(String slug, Optional<Tenant> tenant, String username, String address, String reason) {
        audit.record(new LoginFailed(
                UUID.randomUUID(),
                clock.instant(),
                slug,
                tenant.map(Tenant::id).orElse(null),
                username,
                address,
                reason));
    }
}
