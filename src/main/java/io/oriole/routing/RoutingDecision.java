package io.oriole.routing;

import java.time.Instant;

/**
 * One routing decision as supervisors see it, for example {@code OFFERED} to 李娜 with the reasons "offered to 李娜:
 * skill after-sales L2, load 1/4, predicted 6 min; skipped 王强: at capacity".
 */
public record RoutingDecision(long id, long conversationId, Long agentId, String outcome, String reasons,
        String policy, Instant decidedAt) {
}
