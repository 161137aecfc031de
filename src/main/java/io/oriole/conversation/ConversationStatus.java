package io.oriole.conversation;

/**
 * Life cycle of a conversation. OPEN needs an agent; PENDING is parked by the agent (waiting on a third party);
 * WAITING_ON_CUSTOMER waits for the customer's answer; RESOLVED may be reopened by either side; CLOSED is final.
 */
public enum ConversationStatus {
    OPEN, PENDING, WAITING_ON_CUSTOMER, RESOLVED, CLOSED;

    public boolean isActive() {
        return this == OPEN || this == PENDING || this == WAITING_ON_CUSTOMER;
    }
}
