package io.oriole.triage;

import java.util.List;

/** Facts an agent would otherwise copy out of the message by hand. */
public record KeyFacts(List<String> orderNumbers, List<String> emails, List<String> phoneNumbers,
        List<Amount> amounts, List<String> products) {

    public KeyFacts {
        orderNumbers = List.copyOf(orderNumbers);
        emails = List.copyOf(emails);
        phoneNumbers = List.copyOf(phoneNumbers);
        amounts = List.copyOf(amounts);
        products = List.copyOf(products);
    }

    public static KeyFacts none() {
        return new KeyFacts(List.of(), List.of(), List.of(), List.of(), List.of());
    }

    public int count() {
        return orderNumbers.size() + emails.size() + phoneNumbers.size() + amounts.size() + products.size();
    }
}
