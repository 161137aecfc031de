package io.oriole.routing.model;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The online agents prepared for many decisions: loads, tiers, skill levels and languages laid out
 * in flat arrays, one column per skill and per language, so choosing among a thousand agents reads
 * a few contiguous arrays instead of a thousand maps. Build one per routing pass (or whenever
 * presence or load changes) and pass it to {@link AgentSelector#choose(Work, AgentRoster, java.util.Set,
 * java.time.Instant)}; immutable and safe to share between threads.
 */
public final class AgentRoster {

    final AgentSnapshot[] agents;
    final long[] ids;
    final int[] capacity;
    final int[] load;
    final int[] tier;
    private final Map<String, byte[]> skillColumns = new HashMap<>();
    private final Map<String, boolean[]> languageColumns = new HashMap<>();
    private final Map<Long, Integer> indexById;

    private AgentRoster(AgentSnapshot[] agents) {
        this.agents = agents;
        int n = agents.length;
        ids = new long[n];
        capacity = new int[n];
        load = new int[n];
        tier = new int[n];
        indexById = new HashMap<>(n * 2);
        for (int i = 0; i < n; i++) {
            AgentSnapshot agent = agents[i];
            ids[i] = agent.agentId();
            capacity[i] = agent.capacity();
            load[i] = agent.load();
            tier[i] = agent.tier();
            indexById.putIfAbsent(agent.agentId(), i);
            for (Map.Entry<String, Integer> skill : agent.skillLevels().entrySet()) {
                skillColumns.computeIfAbsent(skill.getKey(), k -> new byte[n])[i] =
                        (byte) Math.max(0, Math.min(127, skill.getValue()));
            }
            for (String language : agent.languages()) {
                languageColumns.computeIfAbsent(language, k -> new boolean[n])[i] = true;
            }
        }
    }

    public static AgentRoster of(Collection<AgentSnapshot> agents) {
        return new AgentRoster(agents.toArray(AgentSnapshot[]::new));
    }

    public int size() {
        return agents.length;
    }

    public List<AgentSnapshot> agents() {
        return List.of(agents);
    }

    /** Index of the agent, or -1 when not on the roster. */
    int indexOf(long agentId) {
        Integer index = indexById.get(agentId);
        return index == null ? -1 : index;
    }

    /** Skill levels by agent index, or null when no agent has the skill. */
    byte[] skillColumn(String skill) {
        return skillColumns.get(skill);
    }

    /** Who speaks the (lower-case) language by agent index, or null when nobody does. */
    boolean[] languageColumn(String language) {
        return languageColumns.get(language);
    }
}
