package io.oriole.routing.model;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Learns handling times as exponentially weighted moving averages, per agent and intent.
 *
 * <p>Each observation {@code x} updates an average {@code m} as {@code m ← m + α·(x − m)} with
 * {@code α = 0.2} by default: the latest ten conversations carry about 89 % of the weight, so an
 * agent's average follows their improvement within a couple of weeks without being thrown by one
 * long conversation. Three averages are kept: per agent and intent, per intent (all agents), and
 * global. A prediction uses the most specific one that has seen data; a new agent therefore starts
 * from the team's figure for that intent, and a new intent from the global one, and before any data
 * at all the prior (6 minutes by default, a typical chat) is used. A new agent-intent average is
 * seeded from the intent average at its first observation, so one unusually quick or slow first
 * conversation does not define a newcomer.
 *
 * <p>Thread-safe: observations and predictions may come from any thread.
 */
public final class EwmaHandlingTimes implements HandlingTimes {

    public static final double DEFAULT_ALPHA = 0.2;
    public static final Duration DEFAULT_PRIOR = Duration.ofMinutes(6);

    private static final String ANY_INTENT = "";

    private record AgentIntent(long agentId, String intent) {
    }

    /** One moving average: written under its own lock, read without one. */
    private static final class Average {
        private volatile double seconds = Double.NaN;
    }

    private final double alpha;
    private final double priorSeconds;
    private final ConcurrentHashMap<AgentIntent, Average> byAgent = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Average> byIntent = new ConcurrentHashMap<>();
    private final Average global = new Average();

    public EwmaHandlingTimes() {
        this(DEFAULT_ALPHA, DEFAULT_PRIOR);
    }

    /**
     * @param alpha weight of the newest observation, in (0, 1]
     * @param prior prediction before anything has been observed
     */
    public EwmaHandlingTimes(double alpha, Duration prior) {
        if (!(alpha > 0 && alpha <= 1)) {
            throw new IllegalArgumentException("alpha must be in (0, 1], was " + alpha);
        }
        this.alpha = alpha;
        this.priorSeconds = prior.toMillis() / 1000.0;
    }

    /** Records that {@code agentId} handled work of {@code intent} (null for unknown) in {@code handling}. */
    public void observe(long agentId, String intent, Duration handling) {
        Objects.requireNonNull(handling, "handling");
        if (handling.isNegative()) {
            throw new IllegalArgumentException("handling time cannot be negative: " + handling);
        }
        double x = handling.toMillis() / 1000.0;
        String key = intent == null ? ANY_INTENT : intent;
        Average intentAverage = byIntent.computeIfAbsent(key, k -> new Average());
        Average agentAverage = byAgent.computeIfAbsent(new AgentIntent(agentId, key), k -> new Average());
        synchronized (agentAverage) {
            double seed = Double.isNaN(intentAverage.seconds) ? x : intentAverage.seconds;
            agentAverage.seconds = update(Double.isNaN(agentAverage.seconds) ? seed : agentAverage.seconds, x);
        }
        synchronized (intentAverage) {
            intentAverage.seconds = update(intentAverage.seconds, x);
        }
        synchronized (global) {
            global.seconds = update(global.seconds, x);
        }
    }

    private double update(double mean, double x) {
        return Double.isNaN(mean) ? x : mean + alpha * (x - mean);
    }

    @Override
    public Duration predict(long agentId, String intent) {
        String key = intent == null ? ANY_INTENT : intent;
        Average average = byAgent.get(new AgentIntent(agentId, key));
        if (average == null) {
            average = byIntent.get(key);
        }
        if (average == null) {
            average = global;
        }
        double seconds = average.seconds;
        if (Double.isNaN(seconds)) {
            seconds = priorSeconds;
        }
        return Duration.ofMillis(Math.round(seconds * 1000));
    }
}
