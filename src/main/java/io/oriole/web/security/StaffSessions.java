package io.oriole.web.security;

import java.util.function.Predicate;

import org.springframework.context.event.EventListener;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.stereotype.Component;

import io.oriole.identity.StaffPrincipal;
import io.oriole.identity.UserDisabled;
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

    StaffSessions(SessionRegistry registry) {
        this.registry = registry;
    }

    @EventListener
    void on(UserDisabled event) {
        AfterCommit.run(() -> expire(s -> s.userId() == event.userId() && s.tenantIdValue() == event.tenantId()));
    }

    @EventListener
    void on(TenantSuspended event) {
        AfterCommit.run(() -> expire(s -> s.tenantIdValue() == event.tenant().value()));
    }

    private void expire(Predicate<StaffPrincipal> whose) {
        registry.getAllPrincipals().stream()
                .filter(p -> p instanceof StaffPrincipal s && whose.test(s))
                .flatMap(p -> registry.getAllSessions(p, false).stream())
                .forEach(session -> session.expireNow());
    }
}
