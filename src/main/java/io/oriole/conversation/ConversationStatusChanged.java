package io.oriole.conversation;

import java.time.Instant;

public record ConversationStatusChanged(long tenantId, long conversationId, ConversationStatus from,
        ConversationStatus to, String changedBy, Instant occurredAt) implements ConversationEvent {
}
