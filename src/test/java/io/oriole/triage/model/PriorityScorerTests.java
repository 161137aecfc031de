package io.oriole.triage.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.oriole.customer.VipTier;
import io.oriole.triage.Complexity;
import io.oriole.triage.Priority;
import io.oriole.triage.PriorityLevel;
import io.oriole.triage.Sentiment;
import io.oriole.triage.Urgency;

class PriorityScorerTests {

    private final PriorityScorer scorer = new PriorityScorer(PriorityWeights.defaults());

    @Test
    void paymentFailureFromGoldCustomerWhoWaitedIsP1WithItsFactors() {
        Priority p = scorer.score(new PriorityScorer.Inputs(UrgencyDetector.assess("支付一直失败"), VipTier.GOLD,
                Complexity.LOW, false, Sentiment.NEUTRAL, Duration.ofMinutes(12)));
        assertThat(p.level()).isEqualTo(PriorityLevel.P1);
        assertThat(p.score()).isEqualTo(66);
        assertThat(p.explanation()).isEqualTo("P1: payment failure (+40), VIP gold (+20), waited 12 min (+6)");
    }

    @Test
    void ordinaryQuestionFromOrdinaryCustomerIsP4() {
        Priority p = scorer.score(new PriorityScorer.Inputs(UrgencyDetector.assess("what colours do you have?"),
                VipTier.NONE, Complexity.LOW, false, Sentiment.NEUTRAL, Duration.ofMinutes(1)));
        assertThat(p.level()).isEqualTo(PriorityLevel.P4);
        assertThat(p.factors()).isEmpty();
        assertThat(p.explanation()).isEqualTo("P4: no urgency factors");
    }

    @Test
    void tenantWeightsChangeTheScore() {
        var weights = new PriorityWeights(50, 50, 40, 10, 45, 60, 5, 10, 10, 5, 10, 0.5, 20, 50, 30, 15);
        Priority p = new PriorityScorer(weights).score(new PriorityScorer.Inputs(
                new UrgencyDetector.Finding(Urgency.ORDINARY, "ordinary request"), VipTier.GOLD, Complexity.LOW,
                true, Sentiment.ANGRY, Duration.ZERO));
        assertThat(p.score()).isEqualTo(65);
        assertThat(p.level()).isEqualTo(PriorityLevel.P1);
        assertThat(p.factors()).extracting(f -> f.name()).containsExactly("vip", "feedback", "sentiment");
    }

    @Test
    void tenantOverridesReplaceOnlyTheNamedWeights() {
        PriorityWeights weights = PriorityWeights.defaults().with(Map.of("vipGold", 35, "p1", 55));
        assertThat(weights.vipGold()).isEqualTo(35);
        assertThat(weights.p1()).isEqualTo(55);
        assertThat(weights.systemDown()).isEqualTo(PriorityWeights.defaults().systemDown());
        assertThatIllegalArgumentException().isThrownBy(() -> PriorityWeights.defaults().with(Map.of("vipGlod", 1)))
                .withMessageContaining("vipGlod");
        assertThatIllegalArgumentException().isThrownBy(() -> PriorityWeights.defaults().with(Map.of("p3", 90)));
    }

    @Test
    void waitingAloneIsCapped() {
        Priority p = scorer.score(new PriorityScorer.Inputs(UrgencyDetector.assess("hello"), VipTier.NONE,
                Complexity.LOW, false, Sentiment.NEUTRAL, Duration.ofHours(10)));
        assertThat(p.score()).isEqualTo(20);
        assertThat(p.level()).isEqualTo(PriorityLevel.P3);
    }
}
