package io.oriole.routing.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import io.oriole.routing.model.SlaAwarePolicy;

/**
 * The fallback {@link DeadlineLookup}: queued time plus the sla-aware policy's default target for the priority
 * (for example a P1 queued at 10:00 must be answered by 10:15 under the default targets).
 */
class PriorityTargetDeadlines implements DeadlineLookup {

    private final Map<Integer, Duration> targets;

    PriorityTargetDeadlines(Map<Integer, Duration> targets) {
        this.targets = Map.copyOf(targets);
    }

    PriorityTargetDeadlines() {
        this(SlaAwarePolicy.DEFAULT_TARGETS);
    }

    @Override
    public Optional<Instant> deadline(long tenantId, long conversationId, int priority, Instant queuedAt) {
        return Optional.ofNullable(targets.get(priority)).map(queuedAt::plus);
    }
}
