package io.oriole.triage.model;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.oriole.customer.VipTier;
import io.oriole.triage.Complexity;
import io.oriole.triage.Priority;
import io.oriole.triage.PriorityFactor;
import io.oriole.triage.PriorityLevel;
import io.oriole.triage.Sentiment;

/**
 * Adds up named factors into a score and a level, keeping every factor with its points. Example
 * with {@link PriorityWeights#defaults()}: payment failure, gold VIP, 12 minutes waited gives
 * “P1: payment failure (+40), VIP gold (+20), waited 12 min (+6)”.
 */
public final class PriorityScorer {

    /** What the score is computed from. {@code waited} counts from the customer's unanswered message. */
    public record Inputs(UrgencyDetector.Finding urgency, VipTier vipTier, Complexity complexity,
            boolean recentNegativeFeedback, Sentiment sentiment, Duration waited) {
    }

    private final PriorityWeights weights;

    public PriorityScorer(PriorityWeights weights) {
        this.weights = weights;
    }

    public Priority score(Inputs in) {
        List<PriorityFactor> factors = new ArrayList<>();
        int urgencyPoints = switch (in.urgency().urgency()) {
            case SYSTEM_DOWN -> weights.systemDown();
            case SECURITY_INCIDENT -> weights.securityIncident();
            case CORE_FUNCTION_FAILURE -> weights.coreFunctionFailure();
            case ORDINARY -> 0;
        };
        add(factors, "urgency", in.urgency().description(), urgencyPoints);
        VipTier tier = in.vipTier() == null ? VipTier.NONE : in.vipTier();
        int vipPoints = switch (tier) {
            case PLATINUM -> weights.vipPlatinum();
            case GOLD -> weights.vipGold();
            case SILVER -> weights.vipSilver();
            case NONE -> 0;
        };
        add(factors, "vip", "VIP " + tier.name().toLowerCase(Locale.ROOT), vipPoints);
        int complexityPoints = switch (in.complexity()) {
            case HIGH -> weights.complexityHigh();
            case MEDIUM -> weights.complexityMedium();
            case LOW -> 0;
        };
        add(factors, "complexity", in.complexity().name().toLowerCase(Locale.ROOT) + " complexity", complexityPoints);
        if (in.recentNegativeFeedback()) {
            add(factors, "feedback", "recent negative feedback", weights.recentNegativeFeedback());
        }
        int sentimentPoints = switch (in.sentiment()) {
            case ANGRY -> weights.sentimentAngry();
            case NEGATIVE -> weights.sentimentNegative();
            default -> 0;
        };
        add(factors, "sentiment", in.sentiment().name().toLowerCase(Locale.ROOT) + " customer", sentimentPoints);
        long minutes = in.waited() == null || in.waited().isNegative() ? 0 : in.waited().toMinutes();
        int waitPoints = (int) Math.min(weights.maxWaitPoints(), Math.floor(minutes * weights.pointsPerMinuteWaited()));
        add(factors, "waited", "waited " + minutes + " min", waitPoints);
        int score = factors.stream().mapToInt(PriorityFactor::points).sum();
        return new Priority(level(score), score, factors);
    }

    private PriorityLevel level(int score) {
        if (score >= weights.p1()) {
            return PriorityLevel.P1;
        }
        if (score >= weights.p2()) {
            return PriorityLevel.P2;
        }
        return score >= weights.p3() ? PriorityLevel.P3 : PriorityLevel.P4;
    }

    private static void add(List<PriorityFactor> factors, String name, String description, int points) {
        if (points != 0) {
            factors.add(new PriorityFactor(name, description, points));
        }
    }
}
