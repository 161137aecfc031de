package io.oriole.routing.model;

import static io.oriole.routing.model.RoutingFixtures.TEN;
import static io.oriole.routing.model.RoutingFixtures.afterSales;
import static io.oriole.routing.model.RoutingFixtures.agent;
import static io.oriole.routing.model.RoutingFixtures.at;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class AgentSelectorTests {

    private final EwmaHandlingTimes times = new EwmaHandlingTimes();
    private final AgentSelector selector = new AgentSelector(times);

    @Test
    void bestExpectedOutcomeWinsAsInTheWorkedExample() {
        times.observe(1, "refund", Duration.ofMinutes(6));
        times.observe(2, "refund", Duration.ofMinutes(6));
        for (int i = 0; i < 30; i++) {
            times.observe(2, "refund", Duration.ofMinutes(9));
        }
        for (int i = 0; i < 30; i++) {
            times.observe(1, "refund", Duration.ofMinutes(6));
        }
        AgentSnapshot lina = agent(1, "李娜", 2, 4, 1, "after-sales:4");
        AgentSnapshot wang = agent(2, "王强", 1, 4, 0, "after-sales:2");
        AgentSnapshot zhao = agent(3, "赵六", 1, 4, 0, "billing:5");

        Decision decision = selector.choose(afterSales(10), List.of(wang, lina, zhao), Set.of(), TEN);

        assertThat(decision.agent()).map(AgentSnapshot::name).contains("李娜");
        assertThat(decision.reasons()).containsExactly("offered to 李娜: skill after-sales L4, load 1/4, predicted 6 min");
        assertThat(decision.skipped()).containsExactly(Map.entry(3L, "赵六: lacks skill after-sales"));
    }

    @Test
    void vipCustomerSkipsToSeniorAgentEvenWhenJuniorIsIdle() {
        AgentSnapshot junior = agent(1, "王强", 1, 4, 0, "after-sales:5");
        AgentSnapshot senior = agent(2, "张伟", 3, 4, 3, "after-sales:2");

        Decision decision = selector.choose(afterSales(10).withExpedite(true), List.of(junior, senior), Set.of(), TEN);

        assertThat(decision.agent()).map(AgentSnapshot::agentId).contains(2L);
        assertThat(decision.reasons().get(0)).startsWith("offered to 张伟: expedite to senior L3");
        assertThat(decision.skipped()).containsEntry(1L, "王强: not senior (expedite needs L2+)");
    }

    @Test
    void expediteWorkWithNoSeniorFreeWaitsFirstInLine() {
        AgentSnapshot junior = agent(1, "王强", 1, 4, 0, "after-sales");
        AgentSnapshot busySenior = agent(2, "张伟", 3, 2, 2, "after-sales");

        Decision decision = selector.choose(afterSales(10).withExpedite(true), List.of(junior, busySenior), Set.of(), TEN);

        assertThat(decision.assigned()).isFalse();
        assertThat(decision.reasons()).containsExactly(
                "no eligible agent among 2 online: 1 at capacity, 1 not senior (expedite needs L2+)",
                "expedite: no senior agent free, first in line; supervisors should be told");
    }

    @Test
    void returningCustomerGetsTheirPreferredAgentOverABetterScoringOne() {
        AgentSnapshot preferred = agent(1, "李娜", 2, 4, 3, "after-sales:2");
        AgentSnapshot idleExpert = agent(2, "张伟", 3, 4, 0, "after-sales:5");
        Work work = afterSales(10).withPreferredAgent(1L, at("10:05"));

        Decision decision = selector.choose(work, List.of(idleExpert, preferred), Set.of(), TEN);

        assertThat(decision.agent()).map(AgentSnapshot::agentId).contains(1L);
        assertThat(decision.reasons().get(0)).startsWith("offered to 李娜: preferred agent, skill after-sales L2");
    }

    @Test
    void busyPreferredAgentIsWaitedForUntilTheirWindowEnds() {
        AgentSnapshot preferred = agent(1, "李娜", 2, 4, 4, "after-sales");
        AgentSnapshot other = agent(2, "张伟", 3, 4, 0, "after-sales");
        Work work = afterSales(10).withPreferredAgent(1L, at("10:05"));

        Decision waiting = selector.choose(work, List.of(preferred, other), Set.of(), TEN);
        assertThat(waiting.assigned()).isFalse();
        assertThat(waiting.reasons())
                .containsExactly("waiting for preferred agent 李娜 (at capacity) until 2026-03-02T10:05:00Z");

        Decision after = selector.choose(work, List.of(preferred, other), Set.of(), at("10:05"));
        assertThat(after.agent()).map(AgentSnapshot::agentId).contains(2L);
        assertThat(after.reasons().get(0)).isEqualTo("preferred agent 李娜 not available (at capacity)");
    }

    @Test
    void offlinePreferredAgentWithoutWaitWindowFallsBackAtOnce() {
        AgentSnapshot other = agent(2, "张伟", 3, 4, 0, "after-sales");
        Decision decision = selector.choose(afterSales(10).withPreferredAgent(9L, null), List.of(other), Set.of(), TEN);

        assertThat(decision.agent()).map(AgentSnapshot::agentId).contains(2L);
        assertThat(decision.reasons().get(0)).isEqualTo("preferred agent agent 9 not available (offline)");
    }

    @Test
    void agentsWithoutRoomSkillOrLanguageAreSkippedWithTheReason() {
        Work work = afterSales(10).withLanguage("en").withWeight(2);
        AgentSnapshot full = agent(1, "王强", 2, 4, 3, "after-sales");
        AgentSnapshot noSkill = agent(2, "赵六", 2, 4, 0, "billing");
        AgentSnapshot chineseOnly = new AgentSnapshot(3, "刘洋", 2, Map.of("after-sales", 3), Set.of("zh"), 4, 0);
        AgentSnapshot fits = agent(4, "Emma", 1, 4, 2, "after-sales");

        Decision decision = selector.choose(work, List.of(full, noSkill, chineseOnly, fits), Set.of(), TEN);

        assertThat(decision.agent()).map(AgentSnapshot::name).contains("Emma");
        assertThat(decision.skipped()).containsOnly(Map.entry(1L, "王强: at capacity"),
                Map.entry(2L, "赵六: lacks skill after-sales"), Map.entry(3L, "刘洋: does not speak en"));
    }

    @Test
    void agentWhoDeclinedIsNotOfferedTheSameWorkAgain() {
        AgentSnapshot declined = agent(1, "李娜", 2, 4, 0, "after-sales:5");
        AgentSnapshot other = agent(2, "王强", 1, 4, 2, "after-sales:1");

        Decision decision = selector.choose(afterSales(10), List.of(declined, other), Set.of(1L), TEN);

        assertThat(decision.agent()).map(AgentSnapshot::agentId).contains(2L);
        assertThat(decision.skipped()).containsEntry(1L, "李娜: declined");
    }

    @Test
    void lighterLoadWinsBetweenOtherwiseEqualAgents() {
        AgentSnapshot busy = agent(1, "A", 2, 4, 2, "after-sales");
        AgentSnapshot light = agent(2, "B", 2, 4, 1, "after-sales");

        assertThat(selector.choose(afterSales(10), List.of(busy, light), Set.of(), TEN).agent())
                .map(AgentSnapshot::agentId).contains(2L);
    }

    @Test
    void nobodyOnlineLeavesWorkWaitingWithAReason() {
        Decision decision = selector.choose(afterSales(10), List.of(), Set.of(), TEN);
        assertThat(decision.assigned()).isFalse();
        assertThat(decision.summary()).isEqualTo("no eligible agent among 0 online");
    }
}
