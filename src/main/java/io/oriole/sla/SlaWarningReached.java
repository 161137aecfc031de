package io.oriole.sla;

import java.time.Instant;

import io.oriole.triage.PriorityLevel;

/**
 * A deadline is near: the policy's warning share of the target has passed. {@code reminder} is 0 for the warning
 * itself and n for the n-th reminder that follows it every N minutes until the customer is answered.
 */
public record SlaWarningReached(long tenantId, long conversationId, SlaMetric metric, Instant deadline,
        int reminder, PriorityLevel priority, String policyName, Long assigneeAgentId, Instant occurredAt)
        implements SlaEvent {
}
