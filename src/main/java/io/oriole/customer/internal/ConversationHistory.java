package io.oriole.customer.internal;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import io.oriole.conversation.ConversationOpened;

/** Counts a customer's conversations, which is what makes them "returning". */
@Component
class ConversationHistory {

    private final CustomerRepository customers;

    ConversationHistory(CustomerRepository customers) {
        this.customers = customers;
    }

    @ApplicationModuleListener
    void on(ConversationOpened event) {
        customers.recordConversation(event.tenantId(), event.customerId(), event.conversationId(), event.occurredAt());
    }
}
