package io.oriole.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.oriole.agent.Agent;
import io.oriole.agent.AgentSkill;
import io.oriole.agent.Tier;
import io.oriole.routing.RoutingHistoryEntry;

/** The demo's seeded past is a plausible small team's two weeks, the same on every start. */
class DemoHistoryTests {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    /** The demo's six agents with their tiers and skills, in creation order. */
    private static final List<Agent> TEAM = List.of(
            agent(1, Tier.L3, "after-sales", "technical"), agent(2, Tier.L2, "after-sales", "billing"),
            agent(3, Tier.L1, "pre-sales"), agent(4, Tier.L1, "technical", "pre-sales"),
            agent(5, Tier.L3, "technical"), agent(6, Tier.L2, "billing"));

    private static Agent agent(long id, Tier tier, String... skills) {
        Set<AgentSkill> set = java.util.Arrays.stream(skills).map(s -> new AgentSkill(1, s, 3))
                .collect(Collectors.toSet());
        return new Agent(id, 1, id, "agent " + id, tier, 4, "zh,en", NOW, Set.of(), set);
    }

    @Test
    void twoWeeksOfAFewHundredConversationsMostlyAnsweredSomeGivenUp() {
        List<RoutingHistoryEntry> past = DemoHistory.past(TEAM, NOW);

        assertThat(past).hasSizeBetween(300, 700);
        assertThat(past).allSatisfy(e -> {
            assertThat(e.queuedAt()).isAfterOrEqualTo(Instant.parse("2026-11-09T00:00:00Z"))
                    .isBefore(Instant.parse("2026-11-23T00:00:00Z"));
            assertThat(e.finishedAt()).isBefore(NOW);
        });
        double gaveUp = past.stream().filter(RoutingHistoryEntry::gaveUp).count() / (double) past.size();
        assertThat(gaveUp).isBetween(0.01, 0.20);
    }

    @Test
    void everyAgentServesOnlyTheirQueuesOneConversationAtATime() {
        Map<Long, List<RoutingHistoryEntry>> byAgent = DemoHistory.past(TEAM, NOW).stream()
                .filter(e -> !e.gaveUp()).collect(Collectors.groupingBy(RoutingHistoryEntry::agentId));

        assertThat(byAgent).hasSize(6);
        byAgent.forEach((id, served) -> {
            Agent agent = TEAM.get((int) (long) id - 1);
            List<RoutingHistoryEntry> ordered = new ArrayList<>(served);
            ordered.sort(Comparator.comparing(RoutingHistoryEntry::takenAt));
            for (int i = 0; i < ordered.size(); i++) {
                RoutingHistoryEntry e = ordered.get(i);
                assertThat(e.queue().equals("vip-desk") ? agent.tier().compareTo(Tier.L2) >= 0
                        : agent.skills().stream().anyMatch(s -> s.skill().equals(e.queue()))).as(e.toString()).isTrue();
                if (i > 0) {
                    assertThat(e.takenAt()).isAfterOrEqualTo(ordered.get(i - 1).finishedAt());
                }
            }
        });
    }

    @Test
    void theSamePastOnEveryStart() {
        assertThat(DemoHistory.past(TEAM, NOW)).isEqualTo(DemoHistory.past(TEAM, NOW.plus(Duration.ofHours(5))));
    }
}
