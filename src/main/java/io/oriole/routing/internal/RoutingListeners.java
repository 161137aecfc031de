package io.oriole.routing.internal;

import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;

import io.oriole.bot.BotHandoffRequested;
import io.oriole.sla.SlaApplied;
import io.oriole.sla.SlaEscalated;
import org.springframework.transaction.event.TransactionalEventListener;

import io.oriole.agent.AgentPresenceChanged;
import io.oriole.agent.Presence;
import io.oriole.conversation.ConversationAssigned;
import io.oriole.conversation.ConversationOpened;
import io.oriole.conversation.ConversationReopened;
import io.oriole.conversation.ConversationResolved;
import io.oriole.conversation.ConversationStatus;
import io.oriole.conversation.ConversationStatusChanged;
import io.oriole.routing.RoutingManagement;
import io.oriole.tenant.TenantId;
import io.oriole.triage.ConversationTriaged;

/**
 * Routing follows the conversation's life after each change has committed, on an async thread; Spring Modulith's
 * registry records each delivery like any transactional listener's, so nothing is lost on a crash. Every handler is
 * idempotent: a redelivered event finds the work row already in the state it asks for.
 * <p>
 * These are {@code @Async @TransactionalEventListener} rather than {@code @ApplicationModuleListener} on purpose:
 * the latter wraps the handler in a transaction (or, with {@code NOT_SUPPORTED}, in a synchronization scope that
 * keeps a connection bound). Either way each routing step's own short transaction would need a second connection
 * or would stretch into one listener-wide transaction holding every claimed row and several agents' locks until
 * the round ends, and under load the connection pool runs dry. Here each step takes one connection and returns it.
 */
@Component
class RoutingListeners {

    private final RoutingManagement routing;

    RoutingListeners(RoutingManagement routing) {
        this.routing = routing;
    }

    /** A new conversation waits in line at once, as P3, until triage says more. */
    @Async(RoutingEvents.EXECUTOR)
    @TransactionalEventListener
    void on(ConversationOpened event) {
        routing.enqueue(new TenantId(event.tenantId()), event.conversationId(), null);
    }

    @Async(RoutingEvents.EXECUTOR)
    @TransactionalEventListener
    void on(ConversationTriaged event) {
        routing.enqueue(new TenantId(event.tenantId()), event.conversationId(), event.result());
    }

    @Async(RoutingEvents.EXECUTOR)
    @TransactionalEventListener
    void on(ConversationAssigned event) {
        routing.ownerChanged(new TenantId(event.tenantId()), event.conversationId(), event.agentId(),
                event.occurredAt());
    }

    @Async(RoutingEvents.EXECUTOR)
    @TransactionalEventListener
    void on(ConversationResolved event) {
        routing.finished(new TenantId(event.tenantId()), event.conversationId(), event.assigneeAgentId(),
                event.occurredAt());
    }

    /**
     * Closed without being resolved first (spam, a duplicate, a customer who left): the work leaves the line and any
     * open offer is withdrawn, as for resolved work. No handling time is learned from it.
     */
    @Async(RoutingEvents.EXECUTOR)
    @TransactionalEventListener
    void on(ConversationStatusChanged event) {
        if (event.to() == ConversationStatus.CLOSED && event.from() != ConversationStatus.RESOLVED) {
            routing.finished(new TenantId(event.tenantId()), event.conversationId(), null, event.occurredAt());
        }
    }

    @Async(RoutingEvents.EXECUTOR)
    @TransactionalEventListener
    void on(ConversationReopened event) {
        routing.reopened(new TenantId(event.tenantId()), event.conversationId());
    }

    /** Coming online may place waiting work; going away or offline returns open offers to the line. */
    @Async(RoutingEvents.EXECUTOR)
    @TransactionalEventListener
    void on(AgentPresenceChanged event) {
        TenantId tenant = new TenantId(event.tenantId());
        if (event.current() == Presence.ONLINE) {
            routing.dispatch(tenant);
        }
        else {
            routing.withdrawOffersOf(tenant, event.agentId(), "agent is " + event.current().name().toLowerCase());
        }
    }

    /** The bot handed the conversation to people: it joins the line now, with what triage found. */
    @Async(RoutingEvents.EXECUTOR)
    @TransactionalEventListener
    void on(BotHandoffRequested event) {
        routing.enqueue(new TenantId(event.tenantId()), event.conversationId(), event.triage());
    }

    /** A policy applies, or applies anew: the waiting line orders by its deadline. */
    @Async(RoutingEvents.EXECUTOR)
    @TransactionalEventListener
    void on(SlaApplied event) {
        routing.deadlineChanged(new TenantId(event.tenantId()), event.conversationId(), event.earliestDeadline());
    }

    /** The SLA ladder moved up a rung: the conversation goes to an agent of that tier. */
    @Async(RoutingEvents.EXECUTOR)
    @TransactionalEventListener
    void on(SlaEscalated event) {
        routing.escalateTo(new TenantId(event.tenantId()), event.conversationId(), event.targetTier(),
                "SLA " + event.cause().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                        + " at risk under policy '" + event.policyName() + "': needs " + event.targetTier());
    }
}
