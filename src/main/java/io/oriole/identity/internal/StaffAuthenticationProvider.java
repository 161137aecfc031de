package io.oriole.identity.internal;

import java.time.Clock;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.oriole.identity.LoginThrottle;
import io.oriole.identity.StaffPrincipal;
import io.oriole.identity.TenantLoginDetails;
import io.oriole.identity.TenantSuspendedException;
import io.oriole.identity.User;
import io.oriole.tenant.Tenant;
import io.oriole.tenant.TenantManagement;

/**
 * Checks workspace, e-mail and password. Wrong passwords are counted on the user row, so throttling holds
 * across nodes and restarts; unknown workspaces and e-mails fail the same way as a wrong password. A suspended
 * tenant's staff learn that it is suspended only once their password matched.
 */
@Component
class StaffAuthenticationProvider implements AuthenticationProvider {

    private static final Logger log = LoggerFactory.getLogger(StaffAuthenticationProvider.class);
    /** Verified against when the user does not exist, so that timing does not tell which e-mails exist. */
    private final String dummyHash;

    private final TenantManagement tenants;
    private final UserRepository users;
    private final PasswordEncoder passwords;
    private final LoginThrottle throttle;
    private final Clock clock;
    private final TransactionTemplate tx;

    StaffAuthenticationProvider(TenantManagement tenants, UserRepository users, PasswordEncoder passwords,
            LoginThrottle throttle, Clock clock, TransactionTemplate tx) {
        this.tenants = tenants;
        this.users = users;
        this.passwords = passwords;
        this.throttle = throttle;
        this.clock = clock;
        this.tx = tx;
        this.dummyHash = passwords.encode("not-a-real-password");
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String email = authentication.getName() == null ? "" : authentication.getName().trim().toLowerCase();
        String password = String.valueOf(authentication.getCredentials());
        String slug = authentication.getDetails() instanceof TenantLoginDetails d ? d.tenantSlug() : "";

        Tenant tenant = tenants.findBySlug(slug).orElse(null);
        User user = tenant == null ? null : users.findByTenantIdAndEmail(tenant.id(), email).orElse(null);
        if (user == null) {
            passwords.matches(password, dummyHash);
            throw new BadCredentialsException("bad credentials");
        }
        Instant now = clock.instant();
        if (user.lockedUntil() != null && user.lockedUntil().isAfter(now)) {
            log.warn("login refused for locked user {} of tenant {}", user.id(), tenant.id());
            throw new LockedException("locked until " + user.lockedUntil());
        }
        if (!passwords.matches(password, user.passwordHash())) {
            recordFailure(user, now);
            throw new BadCredentialsException("bad credentials");
        }
        if (!user.enabled()) {
            throw new DisabledException("disabled");
        }
        if (!tenant.active()) {
            throw new TenantSuspendedException();
        }
        if (user.failedAttempts() > 0 || user.lockedUntil() != null) {
            tx.executeWithoutResult(s -> users.save(user.withFailuresReset()));
        }
        StaffPrincipal principal = StaffPrincipal.of(user, tenant.slug());
        return UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.authorities());
    }

    private void recordFailure(User user, Instant now) {
        tx.executeWithoutResult(s -> {
            User fresh = users.findById(user.id()).orElse(user);
            boolean lockExpired = fresh.lockedUntil() != null && !fresh.lockedUntil().isAfter(now);
            int failures = (lockExpired ? 0 : fresh.failedAttempts()) + 1;
            Instant lockedUntil = failures >= throttle.maxFailures() ? now.plus(throttle.lockFor()) : null;
            users.save(fresh.withFailedAttempt(failures, lockedUntil));
        });
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
