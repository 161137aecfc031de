package io.oriole.routing.model;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Chooses the agent for one piece of work.
 *
 * <p><b>Eligible</b> agents have room for the work's weight, speak its language (when it has one),
 * have every skill it needs (any level), have not declined it, and, for expedite (urgent or VIP)
 * work, are senior: tier L2 or L3.
 *
 * <p><b>Preferred agent</b> (dedicated or previous): offered the work when eligible. When not, and
 * {@code preferredUntil} has not passed, the work waits for them (no agent, with the reason);
 * afterwards it goes to the best other agent.
 *
 * <p><b>Best expected outcome</b> among the eligible agents, each part in [0, 1]:
 * <pre>
 *   skill = mean level of the required skills / 5        (0.6 when the work needs no skill)
 *   room  = 1 - load / capacity                           (before this work)
 *   speed = ref / (ref + predicted)                       ref = work.predictedHandling, or 6 min
 *   score = 0.40·skill + 0.35·room + 0.25·speed
 * </pre>
 * highest score wins; ties go to the lower relative load, then the lower agent id. Skill comes
 * first because the right person resolves the conversation once; room spreads work so nobody is
 * swamped while others idle; speed uses that agent's learned handling time for this intent.
 *
 * <p>Worked example. After-sales work, predicted 6 min:
 * <pre>
 *   李娜  after-sales 4, load 1/4, predicted 6 min  0.40·0.8 + 0.35·0.75 + 0.25·0.50 = 0.708
 *   王强  after-sales 2, load 0/4, predicted 9 min  0.40·0.4 + 0.35·1.00 + 0.25·0.40 = 0.610
 *   赵六  no after-sales skill                      skipped: lacks skill after-sales
 * </pre>
 * decision: "offered to 李娜: skill after-sales L4, load 1/4, predicted 6 min".
 *
 * <p>For many decisions over the same agents, build an {@link AgentRoster} once and use
 * {@link #choose(Work, AgentRoster, Set, Instant)}: the scan then reads flat columns (about 9 µs
 * for 1,000 agents, docs/benchmarks.md). Thread-safe as long as the {@link HandlingTimes} is.
 */
public final class AgentSelector {

    /** At most this many skipped agents are named in a decision; the reasons carry the counts. */
    public static final int SKIPPED_LIMIT = 10;

    static final double SKILL_WEIGHT = 0.40;
    static final double ROOM_WEIGHT = 0.35;
    static final double SPEED_WEIGHT = 0.25;
    private static final double NO_SKILL_NEEDED = 0.6;
    private static final long REFERENCE_MILLIS = Duration.ofMinutes(6).toMillis();

    private enum Skip {
        DECLINED("declined"), AT_CAPACITY("at capacity"), LANGUAGE("does not speak"), SKILL("lacks skill"),
        JUNIOR("not senior (expedite needs L2+)");

        final String text;

        Skip(String text) {
            this.text = text;
        }
    }

    private final HandlingTimes handlingTimes;

    public AgentSelector(HandlingTimes handlingTimes) {
        this.handlingTimes = handlingTimes;
    }

    public HandlingTimes handlingTimes() {
        return handlingTimes;
    }

    /**
     * Chooses among {@code agents} (the online ones) for {@code work}.
     *
     * @param excludedAgentIds agents who declined this work
     */
    public Decision choose(Work work, Collection<AgentSnapshot> agents, Set<Long> excludedAgentIds, Instant now) {
        return choose(work, AgentRoster.of(agents), excludedAgentIds, now);
    }

    /** As {@link #choose(Work, Collection, Set, Instant)} on a prepared roster: the fast path for many decisions. */
    public Decision choose(Work work, AgentRoster roster, Set<Long> excludedAgentIds, Instant now) {
        return choose(work, roster, roster.load, excludedAgentIds == null ? Set.of() : excludedAgentIds, now).decision;
    }

    /** The decision plus the chosen index into the roster, or -1. */
    record Choice(Decision decision, int index) {
    }

    /** Core of {@link #choose}, with loads the dispatcher may keep for itself (never written here). */
    Choice choose(Work work, AgentRoster roster, int[] loads, Set<Long> excluded, Instant now) {
        AgentSnapshot[] agents = roster.agents;
        List<String> reasons = new ArrayList<>(3);
        Map<Long, String> skipped = new LinkedHashMap<>();
        String[] skills = work.skills().toArray(String[]::new);
        Arrays.sort(skills);
        byte[][] columns = new byte[skills.length][];
        boolean nobodyHasASkill = false;
        for (int k = 0; k < skills.length; k++) {
            columns[k] = roster.skillColumn(skills[k]);
            nobodyHasASkill |= columns[k] == null;
        }
        boolean anyLanguage = work.language() == null;
        boolean[] speaks = anyLanguage ? null : roster.languageColumn(work.language());
        Eligibility rules = new Eligibility(work, roster, loads, excluded, columns, nobodyHasASkill, anyLanguage, speaks);

        if (work.preferredAgentId() != null) {
            int preferred = roster.indexOf(work.preferredAgentId());
            Skip why = preferred < 0 ? null : rules.check(preferred);
            if (preferred >= 0 && why == null) {
                reasons.add(offered(work, agents[preferred], loads[preferred], "preferred agent"));
                return new Choice(new Decision(work, Optional.of(agents[preferred].withLoad(loads[preferred])),
                        reasons, skipped), preferred);
            }
            String name = preferred < 0 ? "agent " + work.preferredAgentId() : agents[preferred].name();
            String state = preferred < 0 ? "offline" : explain(work, skills, agents[preferred], why);
            if (work.preferredUntil() != null && now.isBefore(work.preferredUntil())) {
                reasons.add("waiting for preferred agent " + name + " (" + state + ") until " + work.preferredUntil());
                return new Choice(new Decision(work, Optional.empty(), reasons, skipped), -1);
            }
            reasons.add("preferred agent " + name + " not available (" + state + ")");
            if (preferred >= 0) {
                skipped.put(agents[preferred].agentId(), name + ": " + state);
            }
        }

        int[] skipCounts = new int[Skip.values().length];
        int best = -1;
        double bestScore = -1;
        double bestRelativeLoad = 0;
        long refMillis = work.predictedHandling().isZero() ? REFERENCE_MILLIS : work.predictedHandling().toMillis();
        // The scan below runs for every agent of every decision: everything it reads is hoisted into locals. It
        // applies the rules of Eligibility.check inline, in the same order; AgentRosterTests hold the two together.
        int[] capacity = roster.capacity;
        int[] tiers = roster.tier;
        long[] ids = roster.ids;
        boolean checkExcluded = !excluded.isEmpty();
        int weight = work.weight();
        boolean expedite = work.expedite();
        int skillCount = columns.length;
        byte[] firstColumn = skillCount > 0 && !nobodyHasASkill ? columns[0] : null;
        int named = skipped.size();
        for (int i = 0; i < agents.length; i++) {
            Skip why = null;
            if (checkExcluded && excluded.contains(ids[i])) {
                why = Skip.DECLINED;
            } else if (loads[i] + weight > capacity[i]) {
                why = Skip.AT_CAPACITY;
            } else if (!anyLanguage && (speaks == null || !speaks[i])) {
                why = Skip.LANGUAGE;
            } else if (nobodyHasASkill || (firstColumn != null && firstColumn[i] < 1)) {
                why = Skip.SKILL;
            } else {
                for (int k = 1; k < skillCount; k++) {
                    if (columns[k][i] < 1) {
                        why = Skip.SKILL;
                        break;
                    }
                }
                if (why == null && expedite && tiers[i] < 2) {
                    why = Skip.JUNIOR;
                }
            }
            if (why != null) {
                skipCounts[why.ordinal()]++;
                if (named < SKIPPED_LIMIT && !skipped.containsKey(ids[i])) {
                    skipped.put(ids[i], agents[i].name() + ": " + explain(work, skills, agents[i], why));
                    named++;
                }
                continue;
            }
            double skill = NO_SKILL_NEEDED;
            if (skillCount > 0) {
                int sum = 0;
                for (int k = 0; k < skillCount; k++) {
                    sum += columns[k][i];
                }
                skill = Math.min(5.0, (double) sum / skillCount) / 5.0;
            }
            double relativeLoad = capacity[i] == 0 ? 1.0 : (double) loads[i] / capacity[i];
            double partial = SKILL_WEIGHT * skill + ROOM_WEIGHT * (1 - relativeLoad);
            if (best >= 0 && partial + SPEED_WEIGHT <= bestScore) {
                // Even the fastest possible agent could not win: skip the handling-time lookup.
                continue;
            }
            long predicted = handlingTimes.predict(ids[i], work.intent()).toMillis();
            double speed = (double) refMillis / (refMillis + predicted);
            double score = partial + SPEED_WEIGHT * speed;
            if (best < 0 || score > bestScore
                    || (score == bestScore && (relativeLoad < bestRelativeLoad
                            || (relativeLoad == bestRelativeLoad && ids[i] < ids[best])))) {
                best = i;
                bestScore = score;
                bestRelativeLoad = relativeLoad;
            }
        }
        if (best < 0) {
            reasons.add(noneEligible(agents.length, skipCounts));
            if (work.expedite()) {
                reasons.add("expedite: no senior agent free, first in line; supervisors should be told");
            }
            return new Choice(new Decision(work, Optional.empty(), reasons, skipped), -1);
        }
        reasons.add(offered(work, agents[best], loads[best], work.expedite() ? "expedite to senior L" + agents[best].tier() : null));
        return new Choice(new Decision(work, Optional.of(agents[best].withLoad(loads[best])), reasons, skipped), best);
    }

    /** The eligibility rules for one work item, in the order their reasons are reported. */
    private record Eligibility(Work work, AgentRoster roster, int[] loads, Set<Long> excluded, byte[][] columns,
            boolean nobodyHasASkill, boolean anyLanguage, boolean[] speaks) {

        Skip check(int i) {
            if (!excluded.isEmpty() && excluded.contains(roster.ids[i])) {
                return Skip.DECLINED;
            }
            if (loads[i] + work.weight() > roster.capacity[i]) {
                return Skip.AT_CAPACITY;
            }
            if (!anyLanguage && (speaks == null || !speaks[i])) {
                return Skip.LANGUAGE;
            }
            if (nobodyHasASkill) {
                return Skip.SKILL;
            }
            for (byte[] column : columns) {
                if (column[i] < 1) {
                    return Skip.SKILL;
                }
            }
            if (work.expedite() && roster.tier[i] < 2) {
                return Skip.JUNIOR;
            }
            return null;
        }
    }

    private static String explain(Work work, String[] sortedSkills, AgentSnapshot agent, Skip why) {
        return switch (why) {
            case LANGUAGE -> why.text + " " + work.language();
            case SKILL -> {
                StringBuilder text = new StringBuilder(why.text);
                String separator = " ";
                for (String skill : sortedSkills) {
                    if (agent.skillLevel(skill) < 1) {
                        text.append(separator).append(skill);
                        separator = ", ";
                    }
                }
                yield text.toString();
            }
            default -> why.text;
        };
    }

    private String offered(Work work, AgentSnapshot agent, int load, String because) {
        StringBuilder text = new StringBuilder("offered to ").append(agent.name()).append(": ");
        if (because != null) {
            text.append(because).append(", ");
        }
        if (work.skills().isEmpty()) {
            text.append("tier L").append(agent.tier());
        } else {
            for (String s : work.skills().stream().sorted().toList()) {
                text.append("skill ").append(s).append(" L").append(agent.skillLevel(s)).append(", ");
            }
            text.setLength(text.length() - 2);
        }
        text.append(", load ").append(load).append('/').append(agent.capacity());
        text.append(", predicted ").append(minutes(handlingTimes.predict(agent.agentId(), work.intent())));
        return text.toString();
    }

    private static String noneEligible(int online, int[] counts) {
        StringBuilder text = new StringBuilder("no eligible agent among ").append(online).append(" online");
        String separator = ": ";
        for (Skip skip : Skip.values()) {
            if (counts[skip.ordinal()] > 0) {
                text.append(separator).append(counts[skip.ordinal()]).append(' ').append(skip.text);
                separator = ", ";
            }
        }
        return text.toString();
    }

    static String minutes(Duration duration) {
        long seconds = duration.toSeconds();
        return seconds < 60 ? seconds + " s" : Math.round(seconds / 60.0) + " min";
    }
}
