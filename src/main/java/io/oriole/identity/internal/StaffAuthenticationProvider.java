package io.oriole.identity.internal;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import io.oriole.identity.LoginThrottle;
import io.oriole.identity.StaffPrincipal;
import io.oriole.identity.TenantLoginDetails;
import io.oriole.identity.TenantSuspendedException;
import io.oriole.identity.User;
import io.oriole.tenant.Tenant;
import io.oriole.tenant.TenantManagement;

/**
 * Checks workspace, e-mail and password. Guessing is slowed down per account and per client address
 * ({@link LoginBackoff}); unknown workspaces and e-mails, accounts in back-off and wrong passwords all fail the same
 * way, with the same {@link BadCredentialsException}. A suspended tenant's staff learn that it is suspended only once
 * their password matched.
 */
@Component
class StaffAuthenticationProvider implements AuthenticationProvider {

    private static final Logger log = LoggerFactory.getLogger(StaffAuthenticationProvider.class);
    /** Verified against when the user does not exist, so that timing does not tell which e-mails exist. */
    private final String dummyHash;

    private final TenantManagement tenants;
    private final UserRepository users;
    private final PasswordEncoder passwords;
    private final LoginBackoff backoff;

    StaffAuthenticationProvider(TenantManagement tenants, UserRepository users, PasswordEncoder passwords,
            LoginThrottle throttle, Clock clock) {
        this.tenants = tenants;
        this.users = users;
        this.passwords = passwords;
        this.backoff = new LoginBackoff(throttle, clock);
        this.dummyHash = passwords.encode("not-a-real-password");
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String email = authentication.getName() == null ? "" : authentication.getName().trim().toLowerCase();
        String password = String.valueOf(authentication.getCredentials());
        TenantLoginDetails details = authentication.getDetails() instanceof TenantLoginDetails d ? d
                : new TenantLoginDetails("", "");
        String account = details.tenantSlug() + " " + email;
        String address = details.remoteAddress() == null ? "" : details.remoteAddress();
        if (!backoff.mayTry(account, address)) {
            log.debug("login refused while backing off, address {}", address);
            throw new BadCredentialsException("bad credentials");
        }

        Tenant tenant = tenants.findBySlug(details.tenantSlug()).orElse(null);
        User user = tenant == null ? null : users.findByTenantIdAndEmail(tenant.id(), email).orElse(null);
        if (user == null) {
            passwords.matches(password, dummyHash);
            backoff.failed(account, address);
            throw new BadCredentialsException("bad credentials");
        }
        if (!passwords.matches(password, user.passwordHash())) {
            backoff.failed(account, address);
            throw new BadCredentialsException("bad credentials");
        }
        if (!user.enabled()) {
            throw new DisabledException("disabled");
        }
        backoff.succeeded(account);
        if (!tenant.active()) {
            throw new TenantSuspendedException();
        }
        StaffPrincipal principal = StaffPrincipal.of(user, tenant.slug());
        return UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.authorities());
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
