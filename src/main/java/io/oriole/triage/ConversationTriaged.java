package io.oriole.triage;

import java.time.Instant;

/** Triage understood a customer message; routing and SLA act on the result as of this moment. */
public record ConversationTriaged(long tenantId, long conversationId, long messageId, TriageResult result,
        Instant occurredAt) {
}
