package io.oriole.conversation;

import java.time.Instant;

/** Ownership moved; {@code agentId} null means the conversation went back to the unassigned inbox. */
public record ConversationAssigned(long tenantId, long conversationId, Long previousAgentId, Long agentId,
        String assignedBy, Instant occurredAt) implements ConversationEvent {
}
