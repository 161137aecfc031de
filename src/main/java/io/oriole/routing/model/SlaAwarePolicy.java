package io.oriole.routing.model;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;

/**
 * {@code sla-aware}, the default: the work closest to breaking its promise goes first.
 *
 * <p>For each waiting item, as of {@code now}:
 * <pre>
 *   deadline  = work.deadline, or queuedAt + target(priority) when the work has no SLA deadline
 *   slack     = deadline - now - predictedHandling
 *   key       = slack - aging * (now - queuedAt)
 * </pre>
 * smallest key first; ties go by priority, then age, then conversation id. Default targets are
 * P1 5 min, P2 30 min, P3 2 h, P4 8 h and {@code aging} is 0.5.
 *
 * <p>Why low priority cannot starve: with a default deadline the key of an item that has waited
 * {@code W} is {@code target - predicted - (1 + aging)·W}, falling 1.5 s per second waited, while a
 * fresh arrival's key is at least {@code target(P1) - predicted}. A P4 item therefore overtakes
 * every freshly arriving P1 item of the same predicted handling after
 * {@code (8 h - 5 min) / 1.5 ≈ 5 h 17 min}, and an item with an explicit deadline overtakes them
 * well before that deadline. Priority still matters through the target, so fresh P1 work goes
 * ahead of fresh P4 work.
 *
 * <p>Worked example. Waiting at 10:00 (minutes):
 * <pre>
 *   #1  P3  queued 09:00  no deadline (11:00)  predicted 10  slack  50  waited 60  key  20
 *   #2  P1  queued 09:58  no deadline (10:03)  predicted  5  slack  -2  waited  2  key  -3
 *   #3  P2  queued 09:40  deadline 10:20       predicted 15  slack   5  waited 20  key  -5
 *   #4  P4  queued 09:55  no deadline (17:55)  predicted  5  slack 470  waited  5  key 467.5
 * </pre>
 * order: #3, #2, #1, #4. The P2 item goes before the P1 item because its promise breaks sooner
 * once its 15 minutes of handling are counted.
 */
public final class SlaAwarePolicy implements RoutingPolicy {

    public static final String NAME = "sla-aware";

    /** Used when a work item carries no SLA deadline: P1 5 min, P2 30 min, P3 2 h, P4 8 h. */
    public static final Map<Integer, Duration> DEFAULT_TARGETS = Map.of(
            1, Duration.ofMinutes(5), 2, Duration.ofMinutes(30), 3, Duration.ofHours(2), 4, Duration.ofHours(8));

    public static final double DEFAULT_AGING = 0.5;

    private final long[] targetMillis = new long[5];
    private final double aging;

    public SlaAwarePolicy() {
        this(DEFAULT_TARGETS, DEFAULT_AGING);
    }

    /**
     * @param defaultTargets target per priority 1..4 for work without a deadline; missing levels keep the default
     * @param aging          how many seconds of slack each second of waiting takes away, on top of the clock
     */
    public SlaAwarePolicy(Map<Integer, Duration> defaultTargets, double aging) {
        if (aging < 0 || Double.isNaN(aging)) {
            throw new IllegalArgumentException("aging must be zero or positive, was " + aging);
        }
        for (int priority = 1; priority <= 4; priority++) {
            Duration target = defaultTargets.getOrDefault(priority, DEFAULT_TARGETS.get(priority));
            targetMillis[priority] = target.toMillis();
        }
        this.aging = aging;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Comparator<Work> order(Instant now) {
        long nowMillis = now.toEpochMilli();
        return Comparator.<Work>comparingLong(work -> keyMillis(work, nowMillis))
                .thenComparingInt(Work::priority)
                .thenComparing(Work::queuedAt)
                .thenComparingLong(Work::conversationId);
    }

    /** The deadline the policy works to: the SLA deadline, or queuedAt plus the priority's target. */
    public Instant effectiveDeadline(Work work) {
        return work.deadline() != null ? work.deadline() : work.queuedAt().plusMillis(targetMillis[work.priority()]);
    }

    /** Deadline minus now minus predicted handling; negative when the promise can no longer be kept. */
    public Duration slack(Work work, Instant now) {
        return Duration.between(now, effectiveDeadline(work)).minus(work.predictedHandling());
    }

    /** The sort key: slack minus the aging credit. */
    public Duration key(Work work, Instant now) {
        return Duration.ofMillis(keyMillis(work, now.toEpochMilli()));
    }

    private long keyMillis(Work work, long nowMillis) {
        long queued = work.queuedAt().toEpochMilli();
        long deadline = work.deadline() != null ? work.deadline().toEpochMilli() : queued + targetMillis[work.priority()];
        long waited = Math.max(0, nowMillis - queued);
        return deadline - nowMillis - work.predictedHandling().toMillis() - (long) (aging * waited);
    }

    @Override
    public String toString() {
        return NAME;
    }
}
