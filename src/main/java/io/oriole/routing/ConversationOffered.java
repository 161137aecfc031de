package io.oriole.routing;

import java.time.Instant;

/** Routing offered a conversation to an agent; the workspace shows it with accept and decline. */
public record ConversationOffered(long tenantId, long offerId, long conversationId, long agentId,
        Instant expiresAt, Instant occurredAt) {
}
