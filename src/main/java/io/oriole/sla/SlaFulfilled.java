package io.oriole.sla;

import java.time.Instant;

import io.oriole.triage.PriorityLevel;

/** A promise was kept, in time ({@code met}) or late; the clock of that metric stops. */
public record SlaFulfilled(long tenantId, long conversationId, SlaMetric metric, Instant deadline, boolean met,
        PriorityLevel priority, Long assigneeAgentId, Instant occurredAt) implements SlaEvent {
}
