package io.oriole.routing.model;

import static io.oriole.routing.model.RoutingFixtures.TEN;
import static io.oriole.routing.model.RoutingFixtures.agent;
import static io.oriole.routing.model.RoutingFixtures.work;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class DispatcherTests {

    private final AgentSelector selector = new AgentSelector(HandlingTimes.constant(Duration.ofMinutes(6)));

    @Test
    void workedExampleExpediteFirstThenPolicyOrder() {
        Dispatcher dispatcher = new Dispatcher(new PriorityPolicy(), selector);
        List<Work> waiting = List.of(work(1, 3, "09:00"), work(2, 1, "09:50"), work(3, 2, "09:55").withExpedite(true));
        List<AgentSnapshot> agents = List.of(agent(10, "张伟", 2, 1, 0), agent(11, "王强", 1, 1, 0));

        List<Decision> decisions = dispatcher.dispatch(waiting, agents, TEN);

        assertThat(decisions).extracting(d -> d.work().conversationId()).containsExactly(3L, 2L, 1L);
        assertThat(decisions.get(0).agent()).map(AgentSnapshot::agentId).contains(10L);
        assertThat(decisions.get(1).agent()).map(AgentSnapshot::agentId).contains(11L);
        assertThat(decisions.get(2).assigned()).isFalse();
        assertThat(decisions.get(2).reasons()).containsExactly("no eligible agent among 2 online: all at capacity");
    }

    @Test
    void vipP1GoesToIdleSeniorAheadOfTenWaitingP3() {
        Dispatcher dispatcher = new Dispatcher(new SlaAwarePolicy(), selector);
        List<Work> waiting = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            waiting.add(work(i, 3, "08:00").withSkills(Set.of("after-sales")));
        }
        waiting.add(work(99, 1, "09:59").withSkills(Set.of("after-sales")).withExpedite(true));
        List<AgentSnapshot> agents = List.of(agent(1, "王强", 1, 4, 0, "after-sales"),
                agent(2, "李娜", 2, 1, 0, "after-sales"));

        Decision first = dispatcher.dispatch(waiting, agents, TEN).get(0);

        assertThat(first.work().conversationId()).isEqualTo(99L);
        assertThat(first.agent()).map(AgentSnapshot::name).contains("李娜");
    }

    @Test
    void neverFillsAnAgentBeyondCapacityWithinOnePass() {
        Dispatcher dispatcher = new Dispatcher(new FifoPolicy(), selector);
        List<Work> waiting = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            waiting.add(Work.of(i, 1 + i % 4, TEN.minusSeconds(i)).withWeight(1 + i % 2));
        }
        List<AgentSnapshot> agents = List.of(agent(1, "A", 1, 3, 1), agent(2, "B", 2, 4, 0), agent(3, "C", 3, 2, 2));

        List<Decision> decisions = dispatcher.dispatch(waiting, agents, TEN);

        Map<Long, Integer> load = new HashMap<>(Map.of(1L, 1, 2L, 0, 3L, 2));
        for (Decision decision : decisions) {
            decision.agent().ifPresent(a -> load.merge(a.agentId(), decision.work().weight(), Integer::sum));
        }
        assertThat(load.get(1L)).isLessThanOrEqualTo(3);
        assertThat(load.get(2L)).isLessThanOrEqualTo(4);
        assertThat(load.get(3L)).isEqualTo(2);
        assertThat(decisions).hasSize(50);
        assertThat(decisions.stream().filter(Decision::assigned).count()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void assignedSnapshotShowsTheLoadAtDecisionTime() {
        Dispatcher dispatcher = new Dispatcher(new FifoPolicy(), selector);
        List<Decision> decisions = dispatcher.dispatch(List.of(work(1, 2, "09:00"), work(2, 2, "09:01")),
                List.of(agent(1, "A", 1, 2, 0)), TEN);

        assertThat(decisions).extracting(d -> d.agent().orElseThrow().load()).containsExactly(0, 1);
        assertThat(decisions.get(1).reasons().get(0)).isEqualTo("offered to A: tier L1, load 1/2, predicted 6 min");
    }

    @Test
    void declinedAgentIsPassedOverForThatConversationOnly() {
        Dispatcher dispatcher = new Dispatcher(new FifoPolicy(), selector);
        List<Decision> decisions = dispatcher.dispatch(List.of(work(1, 2, "09:00"), work(2, 2, "09:01")),
                List.of(agent(1, "A", 1, 1, 0), agent(2, "B", 1, 1, 0)), Map.of(1L, Set.of(1L)), TEN);

        assertThat(decisions.get(0).agent()).map(AgentSnapshot::agentId).contains(2L);
        assertThat(decisions.get(1).agent()).map(AgentSnapshot::agentId).contains(1L);
    }
}
