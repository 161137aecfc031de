package io.oriole.routing.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Decides for a whole queue at once: expedite work first, then the policy's order, each item given
 * to the {@link AgentSelector}'s choice while a local copy of the agents' loads is kept up to date,
 * so one pass never overfills an agent. Greedy: an early item is never displaced for a later one.
 *
 * <p>Worked example, {@code priority} policy, one L2 agent with capacity 1 and one L1 agent with
 * capacity 1, waiting: #1 P3 (oldest), #2 P1, #3 P2 expedite (VIP). Decisions in order: #3 to the
 * L2 agent (expedite goes first and needs a senior), #2 to the L1 agent, #1 keeps waiting: "no
 * eligible agent among 2 online: 2 at capacity".
 *
 * <p>The decisions only propose; the caller claims each assignment atomically and may find that
 * the world moved on in between.
 */
public final class Dispatcher {

    private final RoutingPolicy policy;
    private final AgentSelector selector;

    public Dispatcher(RoutingPolicy policy, AgentSelector selector) {
        this.policy = policy;
        this.selector = selector;
    }

    public RoutingPolicy policy() {
        return policy;
    }

    public AgentSelector selector() {
        return selector;
    }

    /**
     * One decision per waiting item, in the order they were considered (expedite first, then the
     * policy's order).
     */
    public List<Decision> dispatch(List<Work> waiting, List<AgentSnapshot> agents, Instant now) {
        return dispatch(waiting, agents, Map.of(), now);
    }

    /**
     * As {@link #dispatch(List, List, Instant)}, with the agents who declined each conversation.
     *
     * @param declined conversation id to the agents who declined it
     */
    public List<Decision> dispatch(List<Work> waiting, List<AgentSnapshot> agents, Map<Long, Set<Long>> declined,
            Instant now) {
        List<Work> ordered = new ArrayList<>(waiting);
        ordered.sort(Comparator.comparing((Work work) -> !work.expedite()).thenComparing(policy.order(now)));

        AgentRoster roster = AgentRoster.of(agents);
        int[] loads = roster.load.clone();
        long free = 0;
        for (int i = 0; i < loads.length; i++) {
            free += Math.max(0, roster.capacity[i] - loads[i]);
        }

        List<Decision> decisions = new ArrayList<>(ordered.size());
        for (Work work : ordered) {
            if (free < work.weight() && work.preferredAgentId() == null) {
                // Nobody has room: say so without scanning every agent for every remaining item.
                decisions.add(new Decision(work, Optional.empty(),
                        List.of("no eligible agent among " + roster.size() + " online: all at capacity"), Map.of()));
                continue;
            }
            Set<Long> excluded = declined.getOrDefault(work.conversationId(), Set.of());
            AgentSelector.Choice choice = selector.choose(work, roster, loads, excluded, now);
            if (choice.index() >= 0) {
                loads[choice.index()] += work.weight();
                free -= work.weight();
            }
            decisions.add(choice.decision());
        }
        return decisions;
    }
}
