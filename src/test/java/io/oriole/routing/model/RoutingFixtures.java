package io.oriole.routing.model;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/** Small factories for routing model tests. */
final class RoutingFixtures {

    static final Instant TEN = Instant.parse("2026-03-02T10:00:00Z");

    private RoutingFixtures() {
    }

    static Instant at(String hhmm) {
        return Instant.parse("2026-03-02T" + hhmm + ":00Z");
    }

    static Work work(long id, int priority, String queuedAt) {
        return Work.of(id, priority, at(queuedAt));
    }

    static Work afterSales(long id) {
        return Work.of(id, 3, at("09:50")).withSkills(Set.of("after-sales")).withIntent("refund")
                .withPredictedHandling(Duration.ofMinutes(6));
    }

    static AgentSnapshot agent(long id, String name, int tier, int capacity, int load, String... skills) {
        Map<String, Integer> levels = new java.util.HashMap<>();
        for (String skill : skills) {
            String[] parts = skill.split(":");
            levels.put(parts[0], parts.length > 1 ? Integer.parseInt(parts[1]) : 3);
        }
        return new AgentSnapshot(id, name, tier, levels, Set.of("zh", "en"), capacity, load);
    }
}
