package io.oriole.conversation;

import java.time.Instant;

public record ConversationOpened(long tenantId, long conversationId, long customerId, Channel channel,
        String subject, Instant occurredAt) implements ConversationEvent {
}
