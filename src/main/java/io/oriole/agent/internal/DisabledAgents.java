package io.oriole.agent.internal;

import org.springframework.stereotype.Component;

import io.oriole.agent.AgentManagement;
import io.oriole.agent.PresenceManagement;
import io.oriole.identity.UserDisabled;
import io.oriole.shared.events.ModuleListener;
import io.oriole.tenant.TenantId;

/**
 * An agent whose account is disabled goes offline at once, so routing stops offering them work now instead of a
 * heartbeat timeout later; going offline returns their pending offers to the queue as any sign-off does.
 */
@Component
class DisabledAgents {

    private final AgentManagement agents;
    private final PresenceManagement presence;

    DisabledAgents(AgentManagement agents, PresenceManagement presence) {
        this.agents = agents;
        this.presence = presence;
    }

    @ModuleListener(AgentEvents.EXECUTOR)
    void on(UserDisabled event) {
        TenantId tenant = new TenantId(event.tenantId());
        agents.findByUser(tenant, event.userId()).ifPresent(agent -> presence.signOff(tenant, agent.id()));
    }
}
