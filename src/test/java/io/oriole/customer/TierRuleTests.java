package io.oriole.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class TierRuleTests {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    static final List<TierRule> RULES = List.of(
            new TierRule(VipTier.GOLD, null, new BigDecimal("5000"), null),
            new TierRule(VipTier.SILVER, null, null, 24),
            new TierRule(VipTier.PLATINUM, 1000, new BigDecimal("20000"), 12));

    @Test
    void highestTierWhoseEveryConditionHoldsWins() {
        AccountFacts bigSpender = new AccountFacts(1200, new BigDecimal("25000"), LocalDate.of(2024, 1, 1));
        AccountFacts goldOnly = new AccountFacts(1200, new BigDecimal("25000"), LocalDate.of(2026, 6, 1));

        assertThat(TierRule.tierFor(RULES, bigSpender, TODAY)).isEqualTo(VipTier.PLATINUM);
        assertThat(TierRule.tierFor(RULES, goldOnly, TODAY)).as("platinum needs 12 months").isEqualTo(VipTier.GOLD);
    }

    @Test
    void relationshipLengthCountsWholeMonthsUpToToday() {
        AccountFacts loyal = new AccountFacts(3, new BigDecimal("100"), LocalDate.of(2024, 11, 23));
        AccountFacts almost = new AccountFacts(3, new BigDecimal("100"), LocalDate.of(2024, 11, 24));

        assertThat(TierRule.tierFor(RULES, loyal, TODAY)).isEqualTo(VipTier.SILVER);
        assertThat(TierRule.tierFor(RULES, almost, TODAY)).isEqualTo(VipTier.NONE);
    }

    @Test
    void unknownFactsNeverSatisfyAConditionThatNeedsThem() {
        assertThat(TierRule.tierFor(RULES, new AccountFacts(null, null, null), TODAY)).isEqualTo(VipTier.NONE);
        assertThat(TierRule.tierFor(List.of(), new AccountFacts(5000, BigDecimal.TEN, TODAY), TODAY))
                .isEqualTo(VipTier.NONE);
    }

    @Test
    void aRuleNeedsATierAboveNoneAndAtLeastOneCondition() {
        assertThatIllegalArgumentException().isThrownBy(() -> new TierRule(VipTier.NONE, 1, null, null));
        assertThatIllegalArgumentException().isThrownBy(() -> new TierRule(VipTier.GOLD, null, null, null))
                .withMessageContaining("at least one condition");
        assertThatIllegalArgumentException().isThrownBy(() -> new TierRule(VipTier.GOLD, -1, null, null));
    }
}
