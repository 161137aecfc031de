package io.oriole.routing.model;

import java.time.Instant;
import java.util.Comparator;

/**
 * {@code fifo}: oldest first, whatever the priority. Ties (same {@code queuedAt}) go by conversation id.
 *
 * <p>Worked example. Waiting at 10:00:
 * <pre>
 *   #1  P3  queued 09:50
 *   #2  P1  queued 09:55
 *   #3  P2  queued 09:45
 * </pre>
 * order: #3 (09:45), #1 (09:50), #2 (09:55). The P1 waits behind older P3 work, which is why this
 * policy is a baseline, not the default.
 */
public final class FifoPolicy implements RoutingPolicy {

    public static final String NAME = "fifo";

    private static final Comparator<Work> ORDER = Comparator.comparing(Work::queuedAt)
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
