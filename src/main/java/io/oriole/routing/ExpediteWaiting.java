package io.oriole.routing;

import java.time.Instant;

/**
 * Urgent or VIP work found no free senior agent with the skill: it is first in line and supervisors are told.
 * Announced once per wait.
 */
public record ExpediteWaiting(long tenantId, long conversationId, int priority, String reasons,
        Instant occurredAt) {
}
