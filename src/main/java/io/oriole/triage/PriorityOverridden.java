package io.oriole.triage;

import java.time.Instant;

/**
 * Someone with the right role changed a conversation's priority by hand (or handed it back to triage when
 * {@code level} is null). A {@link ConversationTriaged} with the resulting priority follows in the same
 * transaction, so routing and SLA need only listen to that.
 */
public record PriorityOverridden(long tenantId, long conversationId, PriorityLevel level, PriorityLevel previousLevel,
        String reason, long byUserId, String byName, Instant occurredAt) {
}
