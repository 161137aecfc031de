package io.oriole.customer;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What the tenant knows about a customer's account, from which its VIP tier rules compute the tier. Any part may be
 * unknown ({@code null}); a rule that needs an unknown part does not hold.
 *
 * @param employees business size, in employees (1 for a personal customer)
 * @param monthlySpend average spend per month, in the tenant's currency
 * @param customerSince the first day of the relationship
 */
public record AccountFacts(Integer employees, BigDecimal monthlySpend, LocalDate customerSince) {

    public AccountFacts {
        if (employees != null && employees < 0) {
            throw new IllegalArgumentException("employees must not be negative");
        }
        if (monthlySpend != null && monthlySpend.signum() < 0) {
            throw new IllegalArgumentException("monthlySpend must not be negative");
        }
    }
}
