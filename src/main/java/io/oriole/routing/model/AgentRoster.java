package io.oriole.routing.model;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

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
    // Columns are built on first use, so a roster made for a single decision only pays for the skills it needs.
    private final Map<String, Optional<byte[]>> skillColumns = new ConcurrentHashMap<>();
    private final Map<String, Optional<boolean[]>> languageColumns = new ConcurrentHashMap<>();

    private AgentRoster(AgentSnapshot[] agents) {
        this.agents = agents;
        int n = agents.length;
        ids = new long[n];
        capacity = new int[n];
        load = new int[n];
        tier = new int[n];
        for (int i = 0; i < n; i++) {
            AgentSnapshot agent = agents[i];
            ids[i] = agent.agentId();
            capacity[i] = agent.capacity();
            load[i] = agent.load();
            tier[i] = agent.tier();
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
        for (int i = 0; i < ids.length; i++) {
            if (ids[i] == agentId) {
                return i;
            }
        }
        return -1;
    }

    /** Skill levels by agent index, or null when no agent has the skill. */
    byte[] skillColumn(String skill) {
        return skillColumns.computeIfAbsent(skill, key -> {
            byte[] column = new byte[agents.length];
            boolean any = false;
            for (int i = 0; i < agents.length; i++) {
                int level = agents[i].skillLevel(key);
                column[i] = (byte) Math.max(0, Math.min(127, level));
                any |= level > 0;
            }
            return any ? Optional.of(column) : Optional.empty();
        }).orElse(null);
    }

    /** Who speaks the (lower-case) language by agent index, or null when nobody does. */
    boolean[] languageColumn(String language) {
        return languageColumns.computeIfAbsent(language, key -> {
            boolean[] column = new boolean[agents.length];
            boolean any = false;
            for (int i = 0; i < agents.length; i++) {
                column[i] = agents[i].speaks(key);
                any |= column[i];
            }
            return any ? Optional.of(column) : Optional.empty();
        }).orElse(null);
    }
}
