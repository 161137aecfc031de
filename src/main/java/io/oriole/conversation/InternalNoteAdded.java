package io.oriole.conversation;

import java.time.Instant;

public record InternalNoteAdded(long tenantId, long conversationId, long messageId, long seq, long agentId,
        Instant occurredAt) implements ConversationEvent {
}
