package io.oriole.conversation;

import java.time.Instant;

/**
 * The bot answered the customer. Not a first response of the conversation (that is a person's), but visible to the
 * customer like any reply, so live channels push it.
 */
public record BotReplied(long tenantId, long conversationId, long messageId, long seq, Instant occurredAt)
        implements ConversationEvent {
}
