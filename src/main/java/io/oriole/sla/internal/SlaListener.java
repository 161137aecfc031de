package io.oriole.sla.internal;

import java.util.List;

import org.springframework.stereotype.Component;

import io.oriole.conversation.AgentReplied;
import io.oriole.conversation.ConversationAssigned;
import io.oriole.conversation.ConversationOpened;
import io.oriole.conversation.ConversationStatusChanged;
import io.oriole.conversation.MessageReceived;
import io.oriole.shared.events.ModuleListener;
import io.oriole.triage.ConversationTriaged;

/**
 * Recomputes a conversation's deadlines on every event that can move them, after the change has committed.
 * Resolving and reopening arrive as {@link ConversationStatusChanged} too, so they need no handler of their own;
 * {@link ConversationTriaged} means "the priority may have changed", whoever changed it. Idempotent: a redelivered
 * event finds its effect already in the clock (a reply older than the last one opens no round, a fulfilment is
 * recorded once).
 */
@Component
class SlaListener {

    private final SlaOperations operations;

    SlaListener(SlaOperations operations) {
        this.operations = operations;
    }

    @ModuleListener(SlaEvents.EXECUTOR)
    void on(ConversationOpened e) {
        operations.apply(e.tenantId(), e.conversationId(), w -> List.of());
    }

    @ModuleListener(SlaEvents.EXECUTOR)
    void on(MessageReceived e) {
        operations.apply(e.tenantId(), e.conversationId(), w -> w.clock.customerWrote(e.occurredAt()));
    }

    @ModuleListener(SlaEvents.EXECUTOR)
    void on(AgentReplied e) {
        operations.apply(e.tenantId(), e.conversationId(), w -> w.clock.agentReplied(e.occurredAt(), w.terms));
    }

    @ModuleListener(SlaEvents.EXECUTOR)
    void on(ConversationStatusChanged e) {
        operations.apply(e.tenantId(), e.conversationId(), w -> w.clock.statusChanged(e.to(), e.occurredAt(),
                w.terms));
    }

    @ModuleListener(SlaEvents.EXECUTOR)
    void on(ConversationAssigned e) {
        operations.apply(e.tenantId(), e.conversationId(), w -> {
            w.assigneeAgentId = e.agentId();
            return w.clock.assigned(operations.tierOf(e.tenantId(), e.agentId()), e.occurredAt(), w.terms);
        });
    }

    @ModuleListener(SlaEvents.EXECUTOR)
    void on(ConversationTriaged e) {
        operations.apply(e.tenantId(), e.conversationId(), w -> {
            w.facts = operations.withCustomer(operations.withTriage(w.facts, e.result()), e.tenantId(),
                    customerOf(w));
            return List.of();
        });
    }

    private static long customerOf(SlaOperations.Work w) {
        return w.customerId;
    }
}
