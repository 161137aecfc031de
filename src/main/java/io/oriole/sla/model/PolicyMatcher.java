package io.oriole.sla.model;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import io.oriole.sla.MatchFacts;
import io.oriole.sla.SlaPolicy;

/**
 * Picks the policy for a conversation: the enabled policy with the lowest position whose conditions all match.
 * For example with "P1 urgent" (position 10, priorities P1), "Security" (20, urgency SECURITY_INCIDENT) and
 * "Normal" (100, no conditions), a P1 security incident gets "P1 urgent", a P3 security incident "Security" and an
 * untriaged question "Normal".
 */
public final class PolicyMatcher {

    private PolicyMatcher() {
    }

    public static Optional<SlaPolicy> match(List<SlaPolicy> policies, MatchFacts facts) {
        return policies.stream().filter(SlaPolicy::enabled).sorted(Comparator.comparingInt(SlaPolicy::position)
                .thenComparingLong(SlaPolicy::id)).filter(p -> p.conditions().matches(facts)).findFirst();
    }
}
