package io.oriole.sla;

import java.time.Instant;
import java.util.Set;

import io.oriole.agent.Tier;
import io.oriole.triage.PriorityLevel;

/**
 * Where a conversation stands against its promises right now. Deadlines are null when that clock is not running;
 * {@code escalatedTo} is null until the ladder was climbed.
 */
public record SlaStatus(long conversationId, String policyName, PriorityLevel priority, State state,
        Instant firstResponseDue, Instant nextResponseDue, Instant resolutionDue, Instant l2JoinDue,
        Instant l3JoinDue, Instant earliestDue, boolean paused, Tier escalatedTo, Set<SlaMetric> breached,
        Long assigneeAgentId) {

    /** ON_TRACK: nothing near; AT_RISK: a warning was reached; BREACHED: a running deadline has passed. */
    public enum State {
        NONE, ON_TRACK, AT_RISK, BREACHED, PAUSED, DONE
    }
}
