package io.oriole.routing.model;

import static io.oriole.routing.model.RoutingFixtures.TEN;
import static io.oriole.routing.model.RoutingFixtures.afterSales;
import static io.oriole.routing.model.RoutingFixtures.agent;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

class AgentRosterTests {

    private final AgentSelector selector = new AgentSelector(HandlingTimes.constant(Duration.ofMinutes(6)));

    @Test
    void preparedRosterDecidesExactlyAsTheSnapshotsDo() {
        Random random = new Random(3);
        List<AgentSnapshot> agents = new ArrayList<>();
        String[] skills = {"after-sales", "billing", "technical"};
        for (int id = 1; id <= 60; id++) {
            agents.add(new AgentSnapshot(id, "a" + id, 1 + random.nextInt(3),
                    Map.of(skills[random.nextInt(3)], 1 + random.nextInt(5)),
                    random.nextBoolean() ? Set.of("zh") : Set.of("zh", "EN"), 3, random.nextInt(4)));
        }
        AgentRoster roster = AgentRoster.of(agents);
        for (int i = 0; i < 40; i++) {
            Work work = afterSales(i).withSkills(Set.of(skills[random.nextInt(3)]))
                    .withLanguage(random.nextBoolean() ? "en" : null).withExpedite(random.nextInt(4) == 0);
            assertThat(selector.choose(work, roster, Set.of(), TEN)).isEqualTo(selector.choose(work, agents, Set.of(), TEN));
        }
    }

    @Test
    void skillNobodyHasSkipsEveryoneForThatSkill() {
        AgentRoster roster = AgentRoster.of(List.of(agent(1, "A", 2, 4, 0, "billing")));

        Decision decision = selector.choose(afterSales(1), roster, Set.of(), TEN);

        assertThat(decision.assigned()).isFalse();
        assertThat(decision.skipped()).containsExactly(Map.entry(1L, "A: lacks skill after-sales"));
    }

    @Test
    void rosterLoadsAreNotChangedByDecisions() {
        AgentRoster roster = AgentRoster.of(List.of(agent(1, "A", 2, 1, 0, "after-sales")));

        selector.choose(afterSales(1), roster, Set.of(), TEN);

        assertThat(selector.choose(afterSales(2), roster, Set.of(), TEN).assigned()).isTrue();
    }
}
