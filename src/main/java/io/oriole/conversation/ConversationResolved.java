package io.oriole.conversation;

import java.time.Instant;

/** Resolved, with the owner at that moment so that surveys and reports need not look it up later. */
public record ConversationResolved(long tenantId, long conversationId, long customerId, Long assigneeAgentId,
        Instant occurredAt) implements ConversationEvent {
}
