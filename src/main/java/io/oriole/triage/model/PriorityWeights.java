package io.oriole.triage.model;

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
}
