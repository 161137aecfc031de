package io.oriole.conversation;

import java.time.Instant;

/** A conversation as stored. {@code assigneeAgentId} is null while nobody owns it. */
public record Conversation(long id, long tenantId, long customerId, Channel channel, ConversationStatus status,
        String subject, Long assigneeAgentId, long lastSeq, Instant createdAt, Instant updatedAt,
        Instant lastMessageAt, Instant firstResponseAt, Instant resolvedAt) {
}
