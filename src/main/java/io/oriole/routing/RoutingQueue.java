package io.oriole.routing;

import java.util.Set;

/**
 * A tenant's queue: work whose triage result and customer meet every non-empty condition joins it (queues are
 * tried by {@code position}), and needs agents with all of {@code skills} at {@code minTier} or above. Conditions
 * hold upper-case names: categories ({@code AFTER_SALE}), intents (the tenant's intent names, as given), languages
 * ({@code zh}), segments ({@code PERSONAL}, {@code ENTERPRISE}, {@code NEW}, {@code RETURNING}), VIP tiers
 * ({@code GOLD}) and channels ({@code PHONE}).
 */
public record RoutingQueue(String code, String name, int position, Set<String> categories, Set<String> intents,
        Set<String> languages, Set<String> segments, Set<String> vipTiers, Set<String> channels, Set<String> skills,
        String minTier) {

    public RoutingQueue {
        categories = Set.copyOf(categories);
        intents = Set.copyOf(intents);
        languages = Set.copyOf(languages);
        segments = Set.copyOf(segments);
        vipTiers = Set.copyOf(vipTiers);
        channels = Set.copyOf(channels);
        skills = Set.copyOf(skills);
    }
}
