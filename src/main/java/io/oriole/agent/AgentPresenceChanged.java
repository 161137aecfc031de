package io.oriole.agent;

import java.time.Instant;

/**
 * An agent's presence was changed by the agent (toggle or first heartbeat after a gap). An agent whose heartbeat
 * stops is offline by the clock without this event; readers ask {@link PresenceManagement} instead of waiting for
 * it.
 */
public record AgentPresenceChanged(long tenantId, long agentId, Presence previous, Presence current,
        Instant occurredAt) {
}
