package io.oriole.web.security;

import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.stereotype.Component;

import io.oriole.identity.StaffPrincipal;
import io.oriole.identity.User;
import io.oriole.identity.UserDisabled;
import io.oriole.identity.UserManagement;
import io.oriole.shared.AfterCommit;
import io.oriole.tenant.TenantSuspended;

/**
 * Ends every browser session of a staff member whose account was disabled, or of every staff member of a suspended
 * tenant, once the change has committed: their next click lands on the login page, which no longer lets them in.
 * API tokens need nothing here; they are refused as soon as their user is disabled or their tenant suspended.
 */
@Component
class StaffSessions {

    private final SessionRegistry registry;
    private final UserManagement users;

    private final ObjectProvider<StaffSessionIndex> shared;

    StaffSessions(SessionRegistry registry, UserManagement users, ObjectProvider<StaffSessionIndex> shared) {
        this.registry = registry;
        this.users = users;
        this.shared = shared;
    }

    @EventListener
    void on(UserDisabled event) {
        AfterCommit.run(() -> expire(event.tenantId(), List.of(event.userId())));
    }

    @EventListener
    void on(TenantSuspended event) {
        long tenant = event.tenant().value();
        AfterCommit.run(() -> expire(tenant, users.list(event.tenant(), 0, Integer.MAX_VALUE).stream()
                .map(User::id).toList()));
    }

    /**
     * Shared sessions are found through the ids kept at sign-in, whichever node holds the browser; a node's own
     * registry knows its sessions by principal, so it is searched.
     */
    private void expire(long tenantId, List<Long> userIds) {
        StaffSessionIndex index = shared.getIfAvailable();
        if (index != null) {
            userIds.forEach(userId -> index.end(StaffPrincipal.sessionKey(tenantId, userId)));
            return;
        }
        registry.getAllPrincipals().stream()
                .filter(p -> p instanceof StaffPrincipal s && s.tenantIdValue() == tenantId
                        && userIds.contains(s.userId()))
                .flatMap(p -> registry.getAllSessions(p, false).stream())
                .forEach(session -> session.expireNow());
    }
}
