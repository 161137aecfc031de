package io.oriole.routing.model;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
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
 */
public final class AgentSelector {

    /** At most this many skipped agents are named in a decision; the reasons carry the counts. */
    public static final int SKIPPED_LIMIT = 20;

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
        AgentSnapshot[] array = agents.toArray(AgentSnapshot[]::new);
        int[] loads = new int[array.length];
        Map<Long, Integer> index = new HashMap<>();
        for (int i = 0; i < array.length; i++) {
            loads[i] = array[i].load();
            index.put(array[i].agentId(), i);
        }
        return choose(work, array, loads, index, excludedAgentIds == null ? Set.of() : excludedAgentIds, now).decision;
    }

    /** The decision plus the chosen index into {@code agents}, or -1. */
    record Choice(Decision decision, int index) {
    }

    /** Core of {@link #choose}, on arrays so the dispatcher can keep its own loads. */
    Choice choose(Work work, AgentSnapshot[] agents, int[] loads, Map<Long, Integer> indexById, Set<Long> excluded,
            Instant now) {
        List<String> reasons = new ArrayList<>(3);
        Map<Long, String> skipped = new LinkedHashMap<>();
        if (work.preferredAgentId() != null) {
            Integer preferred = indexById.get(work.preferredAgentId());
            Skip why = preferred == null ? null : ineligible(work, agents[preferred], loads[preferred], excluded);
            if (preferred != null && why == null) {
                reasons.add(offered(work, agents[preferred], loads[preferred], "preferred agent"));
                return new Choice(new Decision(work, Optional.of(agents[preferred].withLoad(loads[preferred])),
                        reasons, skipped), preferred);
            }
            String name = preferred == null ? "agent " + work.preferredAgentId() : agents[preferred].name();
            String state = preferred == null ? "offline" : explain(work, agents[preferred], why);
            if (work.preferredUntil() != null && now.isBefore(work.preferredUntil())) {
                reasons.add("waiting for preferred agent " + name + " (" + state + ") until " + work.preferredUntil());
                return new Choice(new Decision(work, Optional.empty(), reasons, skipped), -1);
            }
            reasons.add("preferred agent " + name + " not available (" + state + ")");
            if (preferred != null) {
                skipped.put(agents[preferred].agentId(), name + ": " + state);
            }
        }

        int[] skipCounts = new int[Skip.values().length];
        int best = -1;
        double bestScore = -1;
        double bestRelativeLoad = 0;
        long refMillis = work.predictedHandling().isZero() ? REFERENCE_MILLIS : work.predictedHandling().toMillis();
        Set<String> skills = work.skills();
        for (int i = 0; i < agents.length; i++) {
            AgentSnapshot agent = agents[i];
            Skip why = ineligible(work, agent, loads[i], excluded);
            if (why != null) {
                skipCounts[why.ordinal()]++;
                if (skipped.size() < SKIPPED_LIMIT && !skipped.containsKey(agent.agentId())) {
                    skipped.put(agent.agentId(), agent.name() + ": " + explain(work, agent, why));
                }
                continue;
            }
            double skill = NO_SKILL_NEEDED;
            if (!skills.isEmpty()) {
                int sum = 0;
                for (String s : skills) {
                    sum += agent.skillLevel(s);
                }
                skill = Math.min(5.0, (double) sum / skills.size()) / 5.0;
            }
            double relativeLoad = agent.capacity() == 0 ? 1.0 : (double) loads[i] / agent.capacity();
            long predicted = handlingTimes.predict(agent.agentId(), work.intent()).toMillis();
            double speed = (double) refMillis / (refMillis + predicted);
            double score = SKILL_WEIGHT * skill + ROOM_WEIGHT * (1 - relativeLoad) + SPEED_WEIGHT * speed;
            if (best < 0 || score > bestScore
                    || (score == bestScore && (relativeLoad < bestRelativeLoad
                            || (relativeLoad == bestRelativeLoad && agent.agentId() < agents[best].agentId())))) {
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

    private static Skip ineligible(Work work, AgentSnapshot agent, int load, Set<Long> excluded) {
        if (!excluded.isEmpty() && excluded.contains(agent.agentId())) {
            return Skip.DECLINED;
        }
        if (load + work.weight() > agent.capacity()) {
            return Skip.AT_CAPACITY;
        }
        if (!agent.speaks(work.language())) {
            return Skip.LANGUAGE;
        }
        if (!agent.hasSkills(work.skills())) {
            return Skip.SKILL;
        }
        if (work.expedite() && !agent.isSenior()) {
            return Skip.JUNIOR;
        }
        return null;
    }

    private static String explain(Work work, AgentSnapshot agent, Skip why) {
        return switch (why) {
            case LANGUAGE -> why.text + " " + work.language();
            case SKILL -> why.text + " " + String.join(", ",
                    work.skills().stream().filter(s -> agent.skillLevel(s) < 1).sorted().toList());
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
            work.skills().stream().sorted().forEach(s -> text.append("skill ").append(s).append(" L")
                    .append(agent.skillLevel(s)).append(", "));
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
