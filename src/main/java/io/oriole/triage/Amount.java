package io.oriole.triage;

import java.math.BigDecimal;

/** A money amount found in a message; {@code currency} is an ISO 4217 code (CNY, USD). */
public record Amount(BigDecimal value, String currency) {

    @Override
    public String toString() {
        return value.toPlainString() + " " + currency;
    }
}
