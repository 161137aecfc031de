package io.oriole.sla;

import java.time.Instant;

import io.oriole.triage.PriorityLevel;

/** The resolution clock stopped because the conversation entered a pausing status (waiting on the customer). */
public record SlaPaused(long tenantId, long conversationId, PriorityLevel priority, Instant occurredAt)
        implements SlaEvent {
}
