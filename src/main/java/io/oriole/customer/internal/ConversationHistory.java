package io.oriole.customer.internal;

import org.springframework.stereotype.Component;

import io.oriole.conversation.ConversationOpened;
import io.oriole.shared.events.ModuleListener;

/** Counts a customer's conversations, which is what makes them "returning". */
@Component
class ConversationHistory {

    private final CustomerRepository customers;

    ConversationHistory(CustomerRepository customers) {
        this.customers = customers;
    }

    @ModuleListener(CustomerEvents.EXECUTOR)
    void on(ConversationOpened event) {
        customers.recordConversation(event.tenantId(), event.customerId(), event.conversationId(), event.occurredAt());
    }
}
