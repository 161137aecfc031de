package io.oriole.routing.internal;

import java.time.Instant;
import java.util.Optional;

/**
 * Where routing learns a conversation's earliest SLA deadline, the "deadline" in the sla-aware policy's slack. The
 * {@code sla} module answers it when present; until then {@link PriorityTargetDeadlines} gives a per-priority target
 * from the time the work was queued.
 */
public interface DeadlineLookup {

    /**
     * @param priority 1 (P1) .. 4 (P4)
     * @param queuedAt when the conversation started waiting for routing
     */
    Optional<Instant> deadline(long tenantId, long conversationId, int priority, Instant queuedAt);
}
