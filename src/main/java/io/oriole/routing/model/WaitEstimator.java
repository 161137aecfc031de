package io.oriole.routing.model;

import java.time.Duration;

/**
 * Estimates how long a waiting customer will wait, for the widget.
 *
 * <p>Reasoning: with {@code c} agent slots busy and a mean handling time {@code h}, conversations
 * end at a rate of about {@code c / h}. Handling times are treated as memoryless (exponential, as
 * in an M/M/c queue), so the time until the next conversation ends is {@code h / c} on average no
 * matter how long the current ones have run. A customer with {@code k} ahead needs {@code k + 1}
 * conversations to end before a slot is theirs:
 * <pre>
 *   wait = (k + 1) · h / c
 * </pre>
 * Example: 3 ahead, 2 agents serving, 6 min mean handling gives 4 · 6 / 2 = 12 min. Rounded up to
 * whole seconds. With nobody serving the estimate is taken for one agent, as the first to come
 * online will serve the queue; the widget should show that no agent is online.
 */
public final class WaitEstimator {

    /**
     * @param positionAhead customers ahead in line, 0 when next
     * @param agentsServing agent slots serving this queue (online agents times concurrent conversations)
     * @param meanHandling  mean handling time of those agents for this kind of work
     */
    public Duration estimate(int positionAhead, int agentsServing, Duration meanHandling) {
        if (positionAhead < 0) {
            throw new IllegalArgumentException("positionAhead cannot be negative: " + positionAhead);
        }
        if (meanHandling == null || meanHandling.isNegative()) {
            throw new IllegalArgumentException("meanHandling must be zero or positive: " + meanHandling);
        }
        int servers = Math.max(1, agentsServing);
        long millis = Math.multiplyExact(positionAhead + 1L, meanHandling.toMillis()) / servers;
        return Duration.ofSeconds((millis + 999) / 1000);
    }
}
