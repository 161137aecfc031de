package io.oriole.conversation;

import java.time.Instant;

/** A specialist was invited into the conversation; {@code canReply} false means internal notes only. */
public record CollaboratorInvited(long tenantId, long conversationId, long agentId, boolean canReply,
        String invitedBy, Instant occurredAt) implements ConversationEvent {
}
