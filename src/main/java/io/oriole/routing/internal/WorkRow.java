package io.oriole.routing.internal;

import java.time.Instant;
import java.util.Set;

/**
 * A routing_work row: the facts routing keeps about one conversation it looks after. {@code agentId} is the agent
 * whose capacity it takes (offered or assigned); {@code excludedAgents} declined it or let an offer expire.
 */
public record WorkRow(long conversationId, long tenantId, String queueCode, String status, int priority, Instant queuedAt,
        Instant deadline, Set<String> skills, String minTier, String department, String language, String intent,
        boolean expedite, Long preferredAgentId, Instant preferredUntil, int weight, Long agentId,
        Instant assignedAt, boolean supervisorsTold, Set<Long> excludedAgents, boolean directed) {

    public WorkRow {
        skills = Set.copyOf(skills);
        excludedAgents = Set.copyOf(excludedAgents);
    }

    /** The same work sent somewhere else by a person (transfer, escalation); triage no longer moves it. */
    public WorkRow directedTo(String queue, Set<String> newSkills, String newMinTier, String newDepartment) {
        return new WorkRow(conversationId, tenantId, queue, status, priority, queuedAt, deadline, newSkills,
                newMinTier, newDepartment, language, intent, expedite, preferredAgentId, preferredUntil, weight,
                agentId, assignedAt, supervisorsTold, excludedAgents, true);
    }

    public static final String WAITING = "WAITING";
    public static final String OFFERED = "OFFERED";
    public static final String ASSIGNED = "ASSIGNED";
    public static final String DONE = "DONE";
}
