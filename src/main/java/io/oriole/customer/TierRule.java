package io.oriole.customer;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;

/**
 * A tenant's rule for one VIP tier: every condition that is set must hold. The highest tier whose rule holds is
 * the customer's tier; when none holds the customer is an ordinary one.
 *
 * <p>Example: with GOLD = {@code minMonthlySpend 5000} and SILVER = {@code minMonths 24}, a customer spending
 * 6,000 a month since last year is GOLD, one spending 100 a month for three years is SILVER, and one spending
 * 100 a month since last year is NONE.
 */
public record TierRule(VipTier tier, Integer minEmployees, BigDecimal minMonthlySpend, Integer minMonths) {

    public TierRule {
        if (tier == null || tier == VipTier.NONE) {
            throw new IllegalArgumentException("tier must be SILVER, GOLD or PLATINUM");
        }
        if (minEmployees == null && minMonthlySpend == null && minMonths == null) {
            throw new IllegalArgumentException("a tier rule needs at least one condition");
        }
        if ((minEmployees != null && minEmployees < 0) || (minMonths != null && minMonths < 0)
                || (minMonthlySpend != null && minMonthlySpend.signum() < 0)) {
            throw new IllegalArgumentException("tier rule conditions must not be negative");
        }
    }

    public boolean holdsFor(AccountFacts facts, LocalDate today) {
        if (minEmployees != null && (facts.employees() == null || facts.employees() < minEmployees)) {
            return false;
        }
        if (minMonthlySpend != null
                && (facts.monthlySpend() == null || facts.monthlySpend().compareTo(minMonthlySpend) < 0)) {
            return false;
        }
        return minMonths == null || facts.customerSince() != null
                && ChronoUnit.MONTHS.between(facts.customerSince(), today) >= minMonths;
    }

    /** The tier the rules give these facts today. */
    public static VipTier tierFor(List<TierRule> rules, AccountFacts facts, LocalDate today) {
        return rules.stream().sorted(Comparator.comparing(TierRule::tier).reversed())
                .filter(rule -> rule.holdsFor(facts, today)).map(TierRule::tier).findFirst().orElse(VipTier.NONE);
    }
}
