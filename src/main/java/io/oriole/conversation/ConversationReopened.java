package io.oriole.conversation;

import java.time.Instant;

public record ConversationReopened(long tenantId, long conversationId, String reopenedBy, Instant occurredAt)
        implements ConversationEvent {
}
