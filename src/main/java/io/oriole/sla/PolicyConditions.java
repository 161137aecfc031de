package io.oriole.sla;

import java.util.Set;

import io.oriole.conversation.Channel;
import io.oriole.customer.CustomerKind;
import io.oriole.customer.VipTier;
import io.oriole.triage.Category;
import io.oriole.triage.PriorityLevel;
import io.oriole.triage.Urgency;

/**
 * When a policy applies. Every non-empty set must contain the conversation's value; an empty set accepts anything.
 * For example {@code priorities=[P1], vipTiers=[GOLD, PLATINUM]} matches a P1 from a gold or platinum customer on
 * any channel, and nothing before triage has given a priority.
 */
public record PolicyConditions(Set<PriorityLevel> priorities, Set<VipTier> vipTiers,
        Set<CustomerKind> customerKinds, Set<Channel> channels, Set<Category> categories, Set<String> intents,
        Set<Urgency> urgencies) {

    public PolicyConditions {
        priorities = copy(priorities);
        vipTiers = copy(vipTiers);
        customerKinds = copy(customerKinds);
        channels = copy(channels);
        categories = copy(categories);
        intents = copy(intents);
        urgencies = copy(urgencies);
    }

    public static PolicyConditions any() {
        return new PolicyConditions(null, null, null, null, null, null, null);
    }

    public boolean matches(MatchFacts f) {
        return accepts(priorities, f.priority()) && accepts(vipTiers, f.vipTier())
                && accepts(customerKinds, f.customerKind()) && accepts(channels, f.channel())
                && accepts(categories, f.category()) && accepts(intents, f.intent())
                && accepts(urgencies, f.urgency());
    }

    private static <T> boolean accepts(Set<T> allowed, T value) {
        return allowed.isEmpty() || (value != null && allowed.contains(value));
    }

    private static <T> Set<T> copy(Set<T> s) {
        return s == null ? Set.of() : Set.copyOf(s);
    }
}
