package io.oriole.sla;

import java.time.Instant;

import io.oriole.agent.Tier;
import io.oriole.triage.PriorityLevel;

/**
 * The conversation must move up the ladder: an agent of {@code targetTier} (or higher) should take it by
 * {@code joinDeadline}, which the SLA module measures as its own clock ({@link SlaMetric#L2_JOIN} or
 * {@link SlaMetric#L3_JOIN}). {@code cause} is the metric whose breach (or warning) triggered it;
 * {@code notifySupervisors} is true on the last rung (L3), when the team's supervisors are told as well. The SLA
 * module never reassigns: routing listens and picks the agent; {@code assigneeAgentId}/{@code assigneeTier} are the
 * owner at this moment (null when unassigned).
 */
public record SlaEscalated(long tenantId, long conversationId, Tier targetTier, Instant joinDeadline,
        SlaMetric cause, boolean notifySupervisors, PriorityLevel priority, String policyName, Long assigneeAgentId,
        Tier assigneeTier, Instant occurredAt) implements SlaEvent {
}
