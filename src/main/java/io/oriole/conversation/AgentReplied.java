package io.oriole.conversation;

import java.time.Instant;

/** An agent answered the customer; {@code firstResponse} is true for the first answer of the conversation. */
public record AgentReplied(long tenantId, long conversationId, long messageId, long seq, long agentId,
        boolean firstResponse, Instant occurredAt) implements ConversationEvent {
}
