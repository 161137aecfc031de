package io.oriole.identity;

import java.io.Serializable;
import java.util.Collection;
import java.util.List;

import org.springframework.security.core.AuthenticatedPrincipal;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

import io.oriole.tenant.TenantId;

/**
 * The signed-in staff member, from a browser session or an API token. Its {@linkplain #getName() name} is the
 * stable {@code tenant:user} key under which shared sessions are indexed, so that all of one person's sessions can
 * be found on every node.
 */
public record StaffPrincipal(long userId, long tenantIdValue, String tenantSlug, String email, String displayName,
        Role role, String locale) implements Serializable, AuthenticatedPrincipal {

    /** The key of a user's sessions: the same whatever their name, role or locale becomes. */
    public static String sessionKey(long tenantId, long userId) {
        return tenantId + ":" + userId;
    }

    @Override
    public String getName() {
        return sessionKey(tenantIdValue, userId);
    }

    public TenantId tenantId() {
        return new TenantId(tenantIdValue);
    }

    public Collection<? extends GrantedAuthority> authorities() {
        return List.of(new SimpleGrantedAuthority(role.authority()));
    }

    /** For templates: {@code ${me.may('OVERRIDE_PRIORITY')}}; an unknown name fails rather than hides. */
    public boolean may(String permission) {
        return Permission.valueOf(permission).allows(role);
    }

    public boolean isAtLeastSupervisor() {
        return role == Role.ADMIN || role == Role.SUPERVISOR;
    }

    public static StaffPrincipal of(User user, String tenantSlug) {
        return new StaffPrincipal(user.id(), user.tenantId(), tenantSlug, user.email(), user.displayName(),
                user.role(), user.locale());
    }
}
