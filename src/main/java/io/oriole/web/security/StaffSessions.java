package io.oriole.web.security;

import org.springframework.security.core.session.SessionRegistry;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import io.oriole.identity.StaffPrincipal;
import io.oriole.identity.UserDisabled;

/**
 * Ends every browser session of a staff member whose account was disabled, on this node, once the change has
 * committed: their next click lands on the login page, which no longer lets them in. API tokens need nothing here;
 * they are refused as soon as their user is disabled.
 */
@Component
class StaffSessions {

    private final SessionRegistry registry;

    StaffSessions(SessionRegistry registry) {
        this.registry = registry;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(UserDisabled event) {
        registry.getAllPrincipals().stream()
                .filter(p -> p instanceof StaffPrincipal s && s.userId() == event.userId()
                        && s.tenantIdValue() == event.tenantId())
                .flatMap(p -> registry.getAllSessions(p, false).stream())
                .forEach(session -> session.expireNow());
    }
}
