package io.oriole.routing.internal;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.oriole.routing.model.EwmaHandlingTimes;
import io.oriole.routing.model.HandlingTimes;

/**
 * Handling times learned from a tenant's resolved conversations, as stored: an exponentially weighted mean per
 * agent and intent. A prediction uses the agent's own figure for the intent, else the team's mean for the intent,
 * else the agent's mean over all intents, else the prior (6 minutes). A snapshot: built once per dispatch round.
 */
public final class StoredHandlingTimes implements HandlingTimes {

    /** Weight of the newest observation, as in the model's in-memory estimator. */
    public static final double ALPHA = EwmaHandlingTimes.DEFAULT_ALPHA;
    public static final Duration PRIOR = EwmaHandlingTimes.DEFAULT_PRIOR;

    private final Map<String, Double> byAgentIntent = new HashMap<>();
    private final Map<String, double[]> byIntent = new HashMap<>();
    private final Map<Long, double[]> byAgent = new HashMap<>();

    public StoredHandlingTimes(List<RoutingStore.HandlingSample> samples) {
        for (RoutingStore.HandlingSample s : samples) {
            byAgentIntent.put(s.agentId() + "/" + s.intent(), s.meanSeconds());
            add(byIntent.computeIfAbsent(s.intent(), k -> new double[2]), s.meanSeconds());
            add(byAgent.computeIfAbsent(s.agentId(), k -> new double[2]), s.meanSeconds());
        }
    }

    /** The stored mean after one more observation. */
    public static RoutingStore.HandlingSample observe(RoutingStore.HandlingSample before, long agentId, String intent,
            Duration handling) {
        double x = handling.toMillis() / 1000.0;
        if (before == null) {
            return new RoutingStore.HandlingSample(agentId, intent, x, 1);
        }
        return new RoutingStore.HandlingSample(agentId, intent, ALPHA * x + (1 - ALPHA) * before.meanSeconds(),
                before.samples() + 1);
    }

    @Override
    public Duration predict(long agentId, String intent) {
        String key = intent == null ? "" : intent;
        Double own = byAgentIntent.get(agentId + "/" + key);
        if (own != null) {
            return seconds(own);
        }
        double[] team = byIntent.get(key);
        if (team != null) {
            return seconds(team[0] / team[1]);
        }
        double[] agent = byAgent.get(agentId);
        return agent != null ? seconds(agent[0] / agent[1]) : PRIOR;
    }

    private static void add(double[] sumAndCount, double value) {
        sumAndCount[0] += value;
        sumAndCount[1]++;
    }

    private static Duration seconds(double s) {
        return Duration.ofMillis(Math.round(s * 1000));
    }
}
