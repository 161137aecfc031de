package io.oriole.triage.model;

import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Points per priority factor and the score thresholds of the levels; a tenant may override any of
 * them. With the defaults a payment failure from a gold customer who waited 12 minutes scores
 * 40 + 20 + 6 = 66, which is P1; the same failure from an ordinary customer just now is 40, P2.
 *
 * @param systemDown points when the whole service is down
 * @param securityIncident points for account takeover, leaks, fraud
 * @param coreFunctionFailure points when payments, login or ordering fail
 * @param vipSilver points for a silver VIP (likewise gold and platinum)
 * @param complexityMedium points for a medium-complexity request (likewise high)
 * @param recentNegativeFeedback points when the customer recently rated the service badly
 * @param sentimentNegative points for a negative message (likewise angry)
 * @param pointsPerMinuteWaited points per whole minute since the customer's message
 * @param maxWaitPoints cap on the waiting points, so waiting alone never reaches P1
 * @param p1 lowest score of P1 (likewise p2, p3; below p3 is P4)
 */
public record PriorityWeights(int systemDown, int securityIncident, int coreFunctionFailure, int vipSilver,
        int vipGold, int vipPlatinum, int complexityMedium, int complexityHigh, int recentNegativeFeedback,
        int sentimentNegative, int sentimentAngry, double pointsPerMinuteWaited, int maxWaitPoints, int p1, int p2,
        int p3) {

    public PriorityWeights {
        if (!(p1 > p2 && p2 > p3)) {
            throw new IllegalArgumentException("level thresholds must fall: p1 > p2 > p3");
        }
    }

    public static PriorityWeights defaults() {
        return new PriorityWeights(50, 50, 40, 10, 20, 30, 5, 10, 10, 5, 10, 0.5, 20, 50, 30, 15);
    }

    /**
     * These weights with a tenant's overrides, named like the components ({@code "vipGold" -> 25}).
     *
     * @throws IllegalArgumentException for an unknown name or thresholds that do not fall
     */
    public PriorityWeights with(Map<String, ? extends Number> overrides) {
        Map<String, Number> v = asMap();
        for (var o : overrides.entrySet()) {
            if (!v.containsKey(o.getKey())) {
                throw new IllegalArgumentException("unknown priority weight '" + o.getKey() + "'");
            }
            v.put(o.getKey(), o.getValue());
        }
        return new PriorityWeights(i(v, "systemDown"), i(v, "securityIncident"), i(v, "coreFunctionFailure"),
                i(v, "vipSilver"), i(v, "vipGold"), i(v, "vipPlatinum"), i(v, "complexityMedium"),
                i(v, "complexityHigh"), i(v, "recentNegativeFeedback"), i(v, "sentimentNegative"),
                i(v, "sentimentAngry"), v.get("pointsPerMinuteWaited").doubleValue(), i(v, "maxWaitPoints"),
                i(v, "p1"), i(v, "p2"), i(v, "p3"));
    }

    /** Every weight by its name, in declaration order, as {@link #with} takes them. */
    public Map<String, Number> asMap() {
        Map<String, Number> v = new LinkedHashMap<>();
        for (RecordComponent c : PriorityWeights.class.getRecordComponents()) {
            try {
                v.put(c.getName(), (Number) c.getAccessor().invoke(this));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return v;
    }

    private static int i(Map<String, Number> values, String name) {
        return (int) Math.round(values.get(name).doubleValue());
    }
}
