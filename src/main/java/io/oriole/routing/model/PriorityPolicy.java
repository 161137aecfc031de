package io.oriole.routing.model;

import java.time.Instant;
import java.util.Comparator;

/**
 * {@code priority}: priority level first (P1 before P2 ...), then oldest first, then conversation id.
 * Strict priority: a steady stream of P1 work can keep P4 work waiting indefinitely.
 *
 * <p>Worked example. Waiting at 10:00:
 * <pre>
 *   #1  P3  queued 09:50
 *   #2  P1  queued 09:55
 *   #3  P2  queued 09:45
 *   #4  P1  queued 09:58
 * </pre>
 * order: #2 (P1, 09:55), #4 (P1, 09:58), #3 (P2), #1 (P3).
 */
public final class PriorityPolicy implements RoutingPolicy {

    public static final String NAME = "priority";

    private static final Comparator<Work> ORDER = Comparator.comparingInt(Work::priority)
            .thenComparing(Work::queuedAt)
            .thenComparingLong(Work::conversationId);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Comparator<Work> order(Instant now) {
        return ORDER;
    }

    @Override
    public String toString() {
        return NAME;
    }
}
