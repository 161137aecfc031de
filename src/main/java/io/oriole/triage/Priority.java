package io.oriole.triage;

import java.util.List;
import java.util.stream.Collectors;

/** A priority score that keeps its factors, so anyone can see why. */
public record Priority(PriorityLevel level, int score, List<PriorityFactor> factors) {

    public Priority {
        factors = List.copyOf(factors);
    }

    /** For example “P1: payment failure (+40), VIP gold (+20), waited 12 min (+6)”. */
    public String explanation() {
        if (factors.isEmpty()) {
            return level + ": no urgency factors";
        }
        return level + ": " + factors.stream().map(PriorityFactor::toString).collect(Collectors.joining(", "));
    }
}
