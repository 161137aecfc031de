package io.oriole.routing.model;

import java.util.List;
import java.util.stream.Collectors;

/** The routing policies Oriole ships, by name. */
public final class RoutingPolicies {

    /** The policy used when a tenant has not chosen one. */
    public static final String DEFAULT = SlaAwarePolicy.NAME;

    private RoutingPolicies() {
    }

    /** Every shipped policy with default settings: fifo, priority, sla-aware. */
    public static List<RoutingPolicy> all() {
        return List.of(new FifoPolicy(), new PriorityPolicy(), new SlaAwarePolicy());
    }

    public static List<String> names() {
        return all().stream().map(RoutingPolicy::name).toList();
    }

    /**
     * The policy called {@code name}.
     *
     * @throws IllegalArgumentException naming the valid policies when {@code name} is not one of them
     */
    public static RoutingPolicy named(String name) {
        return all().stream()
                .filter(policy -> policy.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown routing policy '" + name + "'; valid: "
                        + all().stream().map(RoutingPolicy::name).collect(Collectors.joining(", "))));
    }

    public static RoutingPolicy defaultPolicy() {
        return named(DEFAULT);
    }
}
