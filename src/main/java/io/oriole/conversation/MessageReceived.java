package io.oriole.conversation;

import java.time.Instant;

/** A customer wrote; {@code body} is the text as received, for listeners such as triage. */
public record MessageReceived(long tenantId, long conversationId, long messageId, long seq, long customerId,
        String body, Instant occurredAt) implements ConversationEvent {
}
