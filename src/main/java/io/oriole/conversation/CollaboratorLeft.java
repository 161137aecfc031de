package io.oriole.conversation;

import java.time.Instant;

/** An invited specialist left the conversation. */
public record CollaboratorLeft(long tenantId, long conversationId, long agentId, Instant occurredAt)
        implements ConversationEvent {
}
