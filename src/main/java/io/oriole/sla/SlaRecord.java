package io.oriole.sla;

import java.time.Instant;

import io.oriole.agent.Tier;
import io.oriole.triage.PriorityLevel;

/** One recorded SLA fact of a conversation, for its SLA history. {@code seq} numbers the reminders. */
public record SlaRecord(long id, long conversationId, SlaFactKind kind, SlaMetric metric, int cycle, int seq,
        Instant deadline, Boolean met, PriorityLevel priority, String policyName, Long assigneeAgentId,
        Tier targetTier, Instant occurredAt) {
}
