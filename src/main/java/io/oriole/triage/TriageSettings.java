package io.oriole.triage;

import java.util.List;
import java.util.Map;

/**
 * A tenant's triage configuration as an admin sees it: its intent examples per label, its catalogue of product
 * names, and its priority weights (every weight, the tenant's own where set, otherwise the default).
 */
public record TriageSettings(Map<String, Integer> examplesPerLabel, List<String> products,
        Map<String, Number> weights, Map<String, Number> defaultWeights) {
}
