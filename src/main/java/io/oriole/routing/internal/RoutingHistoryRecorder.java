package io.oriole.routing.internal;

import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import io.oriole.conversation.ConversationAssigned;
import io.oriole.conversation.ConversationStatus;
import io.oriole.conversation.ConversationStatusChanged;

/**
 * Keeps what the routing simulator needs to replay a tenant's own history and that nothing else keeps for good: the
 * first time an agent took each conversation and the first time it was resolved or closed. The work row's
 * {@code assigned_at} moves on every transfer and the conversation's {@code resolved_at} is cleared on reopening, so
 * neither tells when the customer's wait ended or whether they gave up first.
 * <p>
 * Each fact is written with its event's own time and only if it is earlier than what is stored, so redelivered or
 * out-of-order events leave the same row. Async after commit, like {@link RoutingListeners}, for the same reasons.
 */
@Component
class RoutingHistoryRecorder {

    private final RoutingStore store;

    RoutingHistoryRecorder(RoutingStore store) {
        this.store = store;
    }

    @Async(RoutingEvents.EXECUTOR)
    @TransactionalEventListener
    void on(ConversationAssigned event) {
        if (event.agentId() != null) {
            store.recordTaken(event.tenantId(), event.conversationId(), event.agentId(), event.occurredAt());
        }
    }

    @Async(RoutingEvents.EXECUTOR)
    @TransactionalEventListener
    void on(ConversationStatusChanged event) {
        if (event.to() == ConversationStatus.RESOLVED || event.to() == ConversationStatus.CLOSED) {
            store.recordFinished(event.tenantId(), event.conversationId(), event.occurredAt());
        }
    }
}
