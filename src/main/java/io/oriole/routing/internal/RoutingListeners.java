package io.oriole.routing.internal;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import io.oriole.agent.AgentPresenceChanged;
import io.oriole.agent.Presence;
import io.oriole.conversation.ConversationAssigned;
import io.oriole.conversation.ConversationOpened;
import io.oriole.conversation.ConversationReopened;
import io.oriole.conversation.ConversationResolved;
import io.oriole.routing.RoutingManagement;
import io.oriole.tenant.TenantId;
import io.oriole.triage.ConversationTriaged;

/**
 * Routing follows the conversation's life after each change has committed, on the module listener's own thread.
 * Every handler is idempotent: a redelivered event finds the work row already in the state it asks for.
 */
@Component
class RoutingListeners {

    private final RoutingManagement routing;

    RoutingListeners(RoutingManagement routing) {
        this.routing = routing;
    }

    /** A new conversation waits in line at once, as P3, until triage says more. */
    @ApplicationModuleListener
    void on(ConversationOpened event) {
        routing.enqueue(new TenantId(event.tenantId()), event.conversationId(), null);
    }

    @ApplicationModuleListener
    void on(ConversationTriaged event) {
        routing.enqueue(new TenantId(event.tenantId()), event.conversationId(), event.result());
    }

    @ApplicationModuleListener
    void on(ConversationAssigned event) {
        routing.ownerChanged(new TenantId(event.tenantId()), event.conversationId(), event.agentId());
    }

    @ApplicationModuleListener
    void on(ConversationResolved event) {
        routing.finished(new TenantId(event.tenantId()), event.conversationId(), event.assigneeAgentId(),
                event.occurredAt());
    }

    @ApplicationModuleListener
    void on(ConversationReopened event) {
        routing.reopened(new TenantId(event.tenantId()), event.conversationId());
    }

    /** Coming online may place waiting work; going away or offline returns open offers to the line. */
    @ApplicationModuleListener
    void on(AgentPresenceChanged event) {
        TenantId tenant = new TenantId(event.tenantId());
        if (event.current() == Presence.ONLINE) {
            routing.dispatch(tenant);
        }
        else {
            routing.withdrawOffersOf(tenant, event.agentId(), "agent is " + event.current().name().toLowerCase());
        }
    }
}
