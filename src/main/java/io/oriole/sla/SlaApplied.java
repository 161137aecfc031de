package io.oriole.sla;

import java.time.Instant;

import io.oriole.triage.PriorityLevel;

/** A policy now governs the conversation (first match, or a different one after a priority or policy change). */
public record SlaApplied(long tenantId, long conversationId, long policyId, String policyName,
        PriorityLevel priority, Instant earliestDeadline, Instant occurredAt) implements SlaEvent {
}
