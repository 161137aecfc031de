package io.oriole.sla;

import java.time.Instant;

import io.oriole.triage.PriorityLevel;

/** A deadline passed without the promise being kept; recorded and announced once per deadline. */
public record SlaBreached(long tenantId, long conversationId, SlaMetric metric, Instant deadline,
        PriorityLevel priority, String policyName, Long assigneeAgentId, Instant occurredAt) implements SlaEvent {
}
