package io.oriole.sla;

import java.time.Instant;

import io.oriole.triage.PriorityLevel;

/** The resolution clock runs again; {@code resolutionDeadline} already includes the paused working time. */
public record SlaResumed(long tenantId, long conversationId, Instant resolutionDeadline, PriorityLevel priority,
        Instant occurredAt) implements SlaEvent {
}
