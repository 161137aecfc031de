package io.oriole.routing.model;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An online agent as routing sees it at one moment.
 *
 * @param agentId     the agent
 * @param name        display name used in decision reasons
 * @param tier        1 = L1 .. 3 = L3; 2 and above count as senior
 * @param skillLevels skill to level 1..5
 * @param languages   languages spoken, compared without case
 * @param capacity    capacity units the agent can hold at once
 * @param load        capacity units in use now
 */
public record AgentSnapshot(long agentId, String name, int tier, Map<String, Integer> skillLevels,
        Set<String> languages, int capacity, int load) {

    public AgentSnapshot {
        if (tier < 1 || tier > 3) {
            throw new IllegalArgumentException("tier must be 1..3, was " + tier);
        }
        skillLevels = skillLevels == null ? Map.of() : Map.copyOf(skillLevels);
        languages = lowerCase(languages);
        name = name == null ? "agent " + agentId : name;
    }

    public boolean hasRoomFor(Work work) {
        return load + work.weight() <= capacity;
    }

    /** True when {@code language} is null (any will do) or one the agent speaks. */
    public boolean speaks(String language) {
        return language == null || languages.contains(language)
                || languages.contains(language.toLowerCase(Locale.ROOT));
    }

    /** The level of {@code skill}, 0 when the agent does not have it. */
    public int skillLevel(String skill) {
        Integer level = skillLevels.get(skill);
        return level == null ? 0 : level;
    }

    public boolean hasSkills(Set<String> skills) {
        for (String skill : skills) {
            if (skillLevel(skill) < 1) {
                return false;
            }
        }
        return true;
    }

    public boolean isSenior() {
        return tier >= 2;
    }

    // Copying is skipped when the set is already lower-case and immutable, so withLoad stays cheap.
    private static Set<String> lowerCase(Set<String> languages) {
        if (languages == null) {
            return Set.of();
        }
        boolean lower = languages.stream().allMatch(l -> l.equals(l.toLowerCase(Locale.ROOT)));
        return lower ? Set.copyOf(languages)
                : languages.stream().map(l -> l.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }

    public AgentSnapshot withLoad(int newLoad) {
        return newLoad == load ? this : new AgentSnapshot(agentId, name, tier, skillLevels, languages, capacity, newLoad);
    }
}
